namespace CarbonDerivatives.Api.Cluster;

/// <summary>How a node takes part in a cluster (see <see cref="ClusterSettings.Mode"/>).</summary>
public enum ClusterMode
{
    None,
    Localhost,
    Postgres,
}

/// <summary>The setting's spellings.</summary>
public static class ClusterModes
{
    public static ClusterMode Parse(string? mode) => (mode ?? "none").ToLowerInvariant() switch
    {
        "" or "none" => ClusterMode.None,
        "localhost" => ClusterMode.Localhost,
        "postgres" => ClusterMode.Postgres,
        _ => throw new InvalidOperationException($"Carbon:Cluster:Mode must be \"none\", \"localhost\" or \"postgres\", got \"{mode}\""),
    };
}

namespace CarbonDerivatives.Api.Hosting;

/// <summary>
/// Server settings, bound from the "Carbon" section of appsettings.json or environment variables
/// (e.g. <c>Carbon__MaxPathSteps=500000000</c>).
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "Carbon";

    /// <summary>Most paths x steps one simulation may use; more is RESOURCE_EXHAUSTED.</summary>
    public long MaxPathSteps { get; set; } = 2_000_000_000;

    /// <summary>Most paths one simulation may use.</summary>
    public long MaxPaths { get; set; } = 50_000_000;

    /// <summary>Most time steps one simulation may use.</summary>
    public int MaxSteps { get; set; } = 10_000;

    /// <summary>Simulations running at once; further Monte Carlo requests wait up to <see cref="SimulationQueueTimeoutMs"/>.</summary>
    public int MaxConcurrentSimulations { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a Monte Carlo request may wait for a free slot before RESOURCE_EXHAUSTED.</summary>
    public int SimulationQueueTimeoutMs { get; set; } = 250;

    /// <summary>Paths when a request leaves them at zero.</summary>
    public long DefaultPaths { get; set; } = 100_000;

    /// <summary>Where simulations run when a request does not say (monte_carlo.backend unspecified): cpu, gpu or auto (README "GPU back end").</summary>
    public string Backend { get; set; } = "cpu";

    /// <summary>Most snapshots kept by MarketDataService.</summary>
    public int MaxSnapshots { get; set; } = 1_000;

    /// <summary>Where saved documents (snapshots, specs) live: "sqlite" (default, survives restarts), "postgres" (shared
    /// by the nodes of a cluster; always so in cluster mode "postgres") or "memory".</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>The Npgsql connection string of the PostgreSQL database: the store when "postgres", and Orleans membership
    /// in cluster mode "postgres".</summary>
    public string PostgresConnectionString { get; set; } = "";

    /// <summary>The SQLite file, relative to the content root unless absolute.</summary>
    public string DatabasePath { get; set; } = "carbon.db";

    /// <summary>The spec library loaded at start, relative to the content root unless absolute; empty finds
    /// <c>specs/</c> next to the server or up the directory tree from the content root.</summary>
    public string SpecsDirectory { get; set; } = "";
}

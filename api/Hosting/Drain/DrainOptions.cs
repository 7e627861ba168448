namespace CarbonDerivatives.Api.Hosting.Drain;

/// <summary>Graceful shutdown: section <c>Carbon:Drain</c>.</summary>
public sealed class DrainOptions
{
    public const string Section = "Carbon:Drain";

    /// <summary>How long in-flight Monte Carlo calls may run on after SIGTERM before the server stops anyway.</summary>
    public int GraceSeconds { get; set; } = 30;
}

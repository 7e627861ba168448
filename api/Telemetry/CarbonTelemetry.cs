using System.Diagnostics;

namespace CarbonDerivatives.Api.Telemetry;

/// <summary>The service's one Meter and one ActivitySource name: OpenTelemetry subscribes to this name.</summary>
public static class CarbonTelemetry
{
    public const string Name = "CarbonDerivatives.Api";

    /// <summary>Child spans of a call (a simulation through the gate).</summary>
    public static readonly ActivitySource Source = new(Name);
}

namespace CarbonDerivatives.Api.Telemetry;

/// <summary>Exporters: section <c>Carbon:Telemetry</c>. The Prometheus scrape endpoint is on by default; OTLP only when an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Carbon:Telemetry";

    /// <summary>The path of the Prometheus scrape endpoint; empty turns it off.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>An OTLP collector (e.g. http://collector:4317, gRPC): metrics and traces are pushed there; empty: none.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>The service name in exported resources.</summary>
    public string ServiceName { get; set; } = "carbon-derivatives";
}

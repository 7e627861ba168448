using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CarbonDerivatives.Api.Telemetry;

/// <summary>
/// OpenTelemetry at the host: the service's meter and activity source, ASP.NET Core's request spans (one per call),
/// a Prometheus scrape endpoint and, when configured, OTLP export of metrics and traces.
/// </summary>
public static class CarbonTelemetryExtensions
{
    public static WebApplicationBuilder AddCarbonTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.Configure<TelemetryOptions>(builder.Configuration.GetSection(TelemetryOptions.Section));
        builder.Services.AddSingleton<CarbonMetrics>();
        bool otlp = options.OtlpEndpoint.Length > 0;
        if (options.PrometheusPath.Length == 0 && !otlp) return builder;
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(options.ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(CarbonTelemetry.Name);
            if (options.PrometheusPath.Length > 0) metrics.AddPrometheusExporter();
            if (otlp) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint));
        });
        // Spans cost time on every call: recorded only when there is somewhere to send them.
        if (otlp)
            telemetry.WithTracing(tracing => tracing.AddSource(CarbonTelemetry.Name).AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint)));
        return builder;
    }

    /// <summary>First after routing: every call is measured, refused ones too; maps the scrape endpoint.</summary>
    public static WebApplication UseCarbonTelemetry(this WebApplication app)
    {
        app.UseRpcTelemetry();
        string path = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.PrometheusPath;
        if (path.Length > 0) app.MapPrometheusScrapingEndpoint(path);
        return app;
    }
}

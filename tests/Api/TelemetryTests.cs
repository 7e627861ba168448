using System.Diagnostics;
using CarbonDerivatives.Api.Telemetry;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api.Wire;
using Grpc.Core;
using StatusCode = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Builder;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// After a few calls (closed-form OK, INVALID_ARGUMENT, UNAUTHENTICATED, a Monte Carlo price) the OpenTelemetry
/// in-memory exporter and the Prometheus endpoint show calls and latency by RPC and status, the gate's queue wait,
/// the path-steps, and spans: one per call, with the simulation as its child.
/// </summary>
[Collection("server")]
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-telemetry-{Guid.NewGuid():N}.db");
    private readonly List<Metric> _metrics = [];
    private readonly List<Activity> _spans = [];
    private MeterProvider? _meterProvider;
    private TracerProvider? _tracerProvider;
    private WebApplication? _app;
    private string _address = "";

    public async Task InitializeAsync()
    {
        _meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(CarbonTelemetry.Name).AddInMemoryExporter(_metrics).Build();
        _tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(CarbonTelemetry.Name).AddAspNetCoreInstrumentation().AddInMemoryExporter(_spans).Build();
        (_app, _address) = await InProcessServer.StartAsync(_database, "--Carbon:Store=memory", "--Carbon:Security:AnonymousRole=none");
        using var channel = TestCredentials.Channel(_address, TestCredentials.ReaderKey);
        var client = new PricingService.PricingServiceClient(channel);
        for (int i = 0; i < 3; i++) await client.PriceAsync(Requests.EuaDec26());
        await Assert.ThrowsAsync<RpcException>(() => client.PriceAsync(Requests.EuaDec26(strike: -1)).ResponseAsync);
        await client.PriceAsync(Requests.EuaDec26().MonteCarlo(20_000, steps: 2));
        using var anonymous = TestCredentials.Channel(_address, apiKey: null);
        await Assert.ThrowsAsync<RpcException>(() => new PricingService.PricingServiceClient(anonymous).PriceAsync(Requests.EuaDec26()).ResponseAsync);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _meterProvider?.Dispose();
        _tracerProvider?.Dispose();
    }

    [Fact]
    public void InMemoryExporter_CallsAndLatencyByRpcAndStatus_GateAndPathSteps()
    {
        _meterProvider!.ForceFlush();
        var calls = Points("carbon.rpc.server.duration").Where(p => Tag(p, "rpc.method") == "Price").ToList();
        long Count(int status) => calls.Where(p => Tag(p, "rpc.grpc.status_code") == status.ToString()).Sum(p => p.GetHistogramCount());
        Assert.Equal(4, Count(0)); // 3 closed form + 1 Monte Carlo
        Assert.Equal(1, Count((int)StatusCode.InvalidArgument));
        Assert.Equal(1, Count((int)StatusCode.Unauthenticated));
        Assert.All(calls, p => Assert.Equal("carbon.v1.PricingService", Tag(p, "rpc.service")));
        Assert.True(calls.Sum(p => p.GetHistogramSum()) > 0);

        Assert.Equal(1, Points("carbon.simulation.queue_wait").Where(p => Tag(p, "outcome") == "admitted").Sum(p => p.GetHistogramCount()));
        Assert.Equal(40_000, Points("carbon.simulation.path_steps").Sum(p => p.GetSumLong()));
        Assert.Equal(0, Points("carbon.simulation.running").Sum(p => p.GetSumLong()));
    }

    [Fact]
    public void Traces_OneSpanPerCall_TheSimulationAChildOfItsCall()
    {
        _tracerProvider!.ForceFlush();
        var calls = _spans.Where(s => s.GetTagItem("rpc.method") as string == "Price").ToList();
        Assert.Equal(6, calls.Count);
        var simulation = Assert.Single(_spans, s => s.Source.Name == CarbonTelemetry.Name && s.OperationName == "simulation");
        var parent = Assert.Single(calls, c => c.SpanId == simulation.ParentSpanId);
        Assert.Equal(0, parent.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal("admitted", simulation.GetTagItem("carbon.simulation.admission"));
    }

    [Fact]
    public async Task PrometheusEndpoint_CallCountsAndLatencyBucketsByRpcAndStatus()
    {
        using var http = GrpcWire.Client();
        string text = await http.GetStringAsync(_address + "/metrics");
        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("carbon_rpc_server_duration_seconds_count{", StringComparison.Ordinal)
                                    && l.Contains("rpc_method=\"Price\"", StringComparison.Ordinal)
                                    && l.Contains("rpc_grpc_status_code=\"0\"", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" 4", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("carbon_rpc_server_duration_seconds_count{", StringComparison.Ordinal)
                                    && l.Contains("rpc_grpc_status_code=\"3\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("carbon_rpc_server_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("le=\"0.001\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("carbon_simulation_queue_wait_seconds_count{", StringComparison.Ordinal));
    }

    private IEnumerable<MetricPoint> Points(string name)
    {
        foreach (var metric in _metrics.Where(m => m.Name == name))
            foreach (ref readonly var point in metric.GetMetricPoints())
                yield return point;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key) return tag.Value?.ToString();
        return null;
    }
}

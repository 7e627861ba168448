using System.Diagnostics.Metrics;

namespace CarbonDerivatives.Api.Telemetry;

/// <summary>
/// The service's instruments (meter <see cref="CarbonTelemetry.Name"/>): calls and their latency by RPC and gRPC
/// status, the simulation gate's occupancy and queue wait, Monte Carlo path-steps, and rate-limit refusals.
/// </summary>
public sealed class CarbonMetrics
{
    private static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Histogram<double> _rpcDuration;
    private readonly UpDownCounter<long> _running;
    private readonly UpDownCounter<long> _waiting;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _pathSteps;
    private readonly Counter<long> _rateLimited;

    public CarbonMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CarbonTelemetry.Name);
        _rpcDuration = meter.CreateHistogram<double>("carbon.rpc.server.duration", "s",
            "Duration of calls by RPC and gRPC status (its count is the number of calls)", advice: new() { HistogramBucketBoundaries = LatencyBuckets });
        _running = meter.CreateUpDownCounter<long>("carbon.simulation.running", "{simulation}", "Simulations holding a slot of the gate");
        _waiting = meter.CreateUpDownCounter<long>("carbon.simulation.waiting", "{simulation}", "Simulations queued for a slot of the gate");
        _queueWait = meter.CreateHistogram<double>("carbon.simulation.queue_wait", "s", "Time a simulation waited for a slot, by outcome (admitted, refused, cancelled)",
            advice: new() { HistogramBucketBoundaries = LatencyBuckets });
        _pathSteps = meter.CreateCounter<long>("carbon.simulation.path_steps", "{path_step}",
            "Path-steps (paths x time steps requested) of Monte Carlo calls that completed, by RPC");
        _rateLimited = meter.CreateCounter<long>("carbon.rate_limit.refused", "{call}", "Calls refused by a per-principal rate limit, by limit");
    }

    public void Call(string service, string method, int status, double seconds) => _rpcDuration.Record(seconds,
        new("rpc.system", "grpc"), new("rpc.service", service), new("rpc.method", method), new("rpc.grpc.status_code", status));

    public void Waiting(int change) => _waiting.Add(change);

    public void Running(int change) => _running.Add(change);

    public void QueueWait(double seconds, string outcome) => _queueWait.Record(seconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void PathSteps(long pathSteps, string method) => _pathSteps.Add(pathSteps, new KeyValuePair<string, object?>("rpc.method", method));

    public void RateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));
}

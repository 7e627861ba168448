using System.Diagnostics;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting.Drain;
using CarbonDerivatives.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Hosting;

/// <summary>
/// Bounds the Monte Carlo simulations running at once. A request waits at most the configured queue
/// time for a slot; then it is refused with RESOURCE_EXHAUSTED instead of queueing forever. While the
/// server drains, new simulations are refused with UNAVAILABLE. Each simulation is a child span of its
/// call and is measured: slots in use, queue length and wait. Closed-form requests do not pass through the gate.
/// </summary>
public sealed class SimulationGate(IOptions<ServerOptions> options, ServerDrain drain, CarbonMetrics metrics) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentSimulations, options.Value.MaxConcurrentSimulations);
    private readonly TimeSpan _queueTimeout = TimeSpan.FromMilliseconds(options.Value.SimulationQueueTimeoutMs);

    /// <summary>Runs <paramref name="simulation"/> on the thread pool once a slot is free.</summary>
    public Task<T> RunAsync<T>(Func<T> simulation, CancellationToken cancellation) => RunAsync(() => Task.Run(simulation, cancellation), cancellation);

    /// <summary>Starts <paramref name="simulation"/> once a slot is free and holds the slot until it ends.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> simulation, CancellationToken cancellation)
    {
        drain.Enter();
        using var span = CarbonTelemetry.Source.StartActivity("simulation");
        try
        {
            await Admit(span, cancellation);
            metrics.Running(+1);
            try
            {
                return await simulation();
            }
            finally
            {
                metrics.Running(-1);
                _slots.Release();
            }
        }
        finally
        {
            drain.Leave();
        }
    }

    private async Task Admit(Activity? span, CancellationToken cancellation)
    {
        long start = Stopwatch.GetTimestamp();
        string outcome = "cancelled";
        metrics.Waiting(+1);
        try
        {
            bool admitted = await _slots.WaitAsync(_queueTimeout, cancellation);
            outcome = admitted ? "admitted" : "refused";
            if (!admitted)
                throw RpcErrors.ResourceExhausted("server.simulations",
                    $"the server is saturated ({options.Value.MaxConcurrentSimulations} simulations running); retry later");
        }
        finally
        {
            metrics.Waiting(-1);
            double waited = Stopwatch.GetElapsedTime(start).TotalSeconds;
            metrics.QueueWait(waited, outcome);
            span?.SetTag("carbon.simulation.queue_wait_s", waited).SetTag("carbon.simulation.admission", outcome);
        }
    }

    public void Dispose() => _slots.Dispose();
}

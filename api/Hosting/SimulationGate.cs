using CarbonDerivatives.Api.Errors;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Hosting;

/// <summary>
/// Bounds the Monte Carlo simulations running at once. A request waits at most the configured queue
/// time for a slot; then it is refused with RESOURCE_EXHAUSTED instead of queueing forever.
/// Closed-form requests do not pass through the gate.
/// </summary>
public sealed class SimulationGate(IOptions<ServerOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentSimulations, options.Value.MaxConcurrentSimulations);
    private readonly TimeSpan _queueTimeout = TimeSpan.FromMilliseconds(options.Value.SimulationQueueTimeoutMs);

    /// <summary>Runs <paramref name="simulation"/> on the thread pool once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> simulation, CancellationToken cancellation)
    {
        if (!await _slots.WaitAsync(_queueTimeout, cancellation))
            throw RpcErrors.ResourceExhausted("server.simulations",
                $"the server is saturated ({options.Value.MaxConcurrentSimulations} simulations running); retry later");
        try
        {
            return await Task.Run(simulation, cancellation);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}

using CarbonDerivatives.Api.Hosting;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>This silo's shard slots: <see cref="ServerOptions.MaxConcurrentSimulations"/> shards simulate at once.</summary>
public sealed class ShardSlots(IOptions<ServerOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentSimulations, options.Value.MaxConcurrentSimulations);

    public Task WaitAsync(CancellationToken cancellation) => _slots.WaitAsync(cancellation);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}

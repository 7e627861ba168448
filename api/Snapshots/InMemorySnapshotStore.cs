using System.Collections.Concurrent;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Errors;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Snapshots;

/// <summary>Thread-safe in-memory store, bounded in count; starts with the embedded "default" snapshot.</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly ConcurrentDictionary<string, StoredSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public InMemorySnapshotStore(IOptions<ServerOptions> options)
    {
        _capacity = options.Value.MaxSnapshots;
        Put(DefaultMarket.Snapshot());
    }

    public void Put(StoredSnapshot snapshot)
    {
        if (!_snapshots.ContainsKey(snapshot.Id) && _snapshots.Count >= _capacity)
            throw RpcErrors.ResourceExhausted("server.snapshots", $"the store holds its maximum of {_capacity} snapshots; delete some first");
        _snapshots[snapshot.Id] = snapshot;
    }

    public StoredSnapshot? Get(string id) => _snapshots.GetValueOrDefault(id);

    public bool Delete(string id) => _snapshots.TryRemove(id, out _);

    public IReadOnlyList<string> Ids() => _snapshots.Keys.Order(StringComparer.Ordinal).ToArray();
}

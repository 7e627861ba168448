using System.Collections.Concurrent;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Protos.V1;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Snapshots;

/// <summary>
/// Named market snapshots, saved in the <see cref="IDocumentStore"/> (protobuf bytes) and kept in memory
/// in validated engine form, so pricing never waits on the database (a store shared by a cluster's nodes is asked
/// on every read, so a snapshot saved on one node prices on the others). Starts with the stored snapshots
/// and the embedded "default" (unless one was stored under that id). Bounded in count.
/// </summary>
public sealed class SnapshotStore : ISnapshotStore
{
    private const string Kind = "snapshot";

    private readonly ConcurrentDictionary<string, StoredSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly IDocumentStore _documents;
    private readonly int _capacity;
    private readonly Lock _writes = new();

    public SnapshotStore(IDocumentStore documents, IOptions<ServerOptions> options, ILogger<SnapshotStore> logger)
    {
        _documents = documents;
        _capacity = options.Value.MaxSnapshots;
        _snapshots[DefaultMarket.Id] = DefaultMarket.Snapshot();
        foreach (var (id, body) in documents.All(Kind))
        {
            try
            {
                var message = MarketData.Parser.ParseFrom(body);
                _snapshots[id] = new StoredSnapshot(id, message, MarketMapper.ToDomain(message, "market"));
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or InvalidInputException or Grpc.Core.RpcException)
            {
                // A snapshot saved by an older server that this one no longer accepts: keep it on disk, skip it.
                logger.LogWarning("Stored snapshot {Id} is not loadable and is skipped: {Message}", id, e.Message);
            }
        }
    }

    public void Put(StoredSnapshot snapshot)
    {
        lock (_writes)
        {
            if (!_snapshots.ContainsKey(snapshot.Id) && _snapshots.Count >= _capacity)
                throw RpcErrors.ResourceExhausted("server.snapshots", $"the store holds its maximum of {_capacity} snapshots; delete some first");
            _documents.Put(Kind, snapshot.Id, snapshot.Message.ToByteArray());
            _snapshots[snapshot.Id] = snapshot;
        }
    }

    public StoredSnapshot? Get(string id)
    {
        var cached = _snapshots.GetValueOrDefault(id);
        if (!_documents.IsShared) return cached;
        // Another node may have saved, replaced or deleted it: the shared store decides; the cache spares re-validating
        // a message that has not changed.
        if (_documents.Get(Kind, id) is not { } body) return id == DefaultMarket.Id ? DefaultMarket.Snapshot() : null;
        var message = MarketData.Parser.ParseFrom(body);
        if (cached is not null && cached.Message.Equals(message)) return cached;
        return _snapshots[id] = new StoredSnapshot(id, message, MarketMapper.ToDomain(message, "market"));
    }

    public bool Delete(string id)
    {
        lock (_writes)
        {
            _documents.Delete(Kind, id);
            return _snapshots.TryRemove(id, out _);
        }
    }

    public IReadOnlyList<string> Ids() => _documents.IsShared
        ? _documents.All(Kind).Select(d => d.Id).Append(DefaultMarket.Id).Distinct().Order(StringComparer.Ordinal).ToArray()
        : _snapshots.Keys.Order(StringComparer.Ordinal).ToArray();
}

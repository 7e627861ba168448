using System.Collections.Concurrent;

namespace CarbonDerivatives.Api.Storage;

/// <summary>Documents kept in memory only (Carbon:Store = "memory"): lost when the server stops.</summary>
public sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id), byte[]> _documents = new();

    public void Put(string kind, string id, byte[] body) => _documents[(kind, id)] = body.ToArray();

    public byte[]? Get(string kind, string id) => _documents.GetValueOrDefault((kind, id));

    public bool Delete(string kind, string id) => _documents.TryRemove((kind, id), out _);

    public IReadOnlyList<(string Id, byte[] Body)> All(string kind) =>
        _documents.Where(d => d.Key.Kind == kind).OrderBy(d => d.Key.Id, StringComparer.Ordinal).Select(d => (d.Key.Id, d.Value)).ToList();
}

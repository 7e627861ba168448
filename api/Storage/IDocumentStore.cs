namespace CarbonDerivatives.Api.Storage;

/// <summary>
/// Durable documents by kind ("snapshot", "spec", ...) and id: what the services save. A
/// <see cref="Put"/> returns only once the write is committed, so an acknowledged save survives a crash;
/// a failed write leaves the previous document intact. Implementations are thread-safe.
/// </summary>
public interface IDocumentStore
{
    void Put(string kind, string id, byte[] body);

    byte[]? Get(string kind, string id);

    bool Delete(string kind, string id);

    /// <summary>Every document of <paramref name="kind"/>, ordered by id.</summary>
    IReadOnlyList<(string Id, byte[] Body)> All(string kind);

    /// <summary>Whether other processes (the other nodes of a cluster) write the same documents: then a cache in front
    /// of the store must ask it before answering.</summary>
    bool IsShared => false;
}

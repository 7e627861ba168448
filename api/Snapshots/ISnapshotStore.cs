using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Snapshots;

/// <summary>A stored market snapshot: the message as sent and its validated engine form.</summary>
public sealed record StoredSnapshot(string Id, MarketData Message, MarketSnapshot Market);

/// <summary>Named market snapshots (see <see cref="SnapshotStore"/>).</summary>
public interface ISnapshotStore
{
    void Put(StoredSnapshot snapshot);
    StoredSnapshot? Get(string id);
    bool Delete(string id);
    IReadOnlyList<string> Ids();
}

using System.CommandLine;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Commands;

/// <summary><c>carbon market list | get ID | put ID FILE | delete ID</c>: the MarketDataService snapshots.</summary>
internal static class MarketCommand
{
    public static Command Create(CommandOutput output) => new StoredDocumentCommands<MarketDataService.MarketDataServiceClient>
    {
        Name = "market",
        Description = "Stored market snapshots (MarketDataService)",
        What = "snapshot",
        SaveVerb = "put",
        DeleteNote = " ('default' cannot be deleted)",
        Client = channel => new(channel),
        List = async (client, call) =>
        {
            var reply = await client.ListSnapshotsAsync(new ListSnapshotsRequest(), call);
            return (reply, reply.SnapshotIds);
        },
        Get = async (client, id, call) => await client.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = id }, call),
        Save = async (client, id, json, where, call) =>
        {
            var reply = await client.PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = id, Market = ProtoJson.Parse<MarketData>(json, where) }, call);
            return (reply, $"stored {reply.SnapshotId}: {string.Join(", ", reply.Underlyings)}");
        },
        Delete = async (client, id, call) => await client.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = id }, call),
    }.Create(output);
}

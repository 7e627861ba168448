using System.CommandLine;
using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;
using Spectre.Console;

namespace CarbonDerivatives.Cli.Commands;

/// <summary><c>carbon market list | get ID | put ID FILE | delete ID</c>: the MarketDataService snapshots.</summary>
internal static class MarketCommand
{
    private static readonly Argument<string> Id = new("ID") { Description = "Snapshot id, e.g. default" };
    private static readonly Argument<string> File = new("FILE") { Description = "MarketData as protobuf JSON; '-' reads stdin" };

    public static Command Create(CommandOutput output)
    {
        var market = new Command("market", "Stored market snapshots (MarketDataService)");
        market.Subcommands.Add(Sub("list", "List the stored snapshot ids", [], [OutputOptions.Json], output, List));
        market.Subcommands.Add(Sub("get", "Print a snapshot as protobuf canonical JSON", [Id], [], output, Get));
        market.Subcommands.Add(Sub("put", "Validate and store a snapshot (replaces one with the same id)", [Id, File], [OutputOptions.Json], output, Put));
        market.Subcommands.Add(Sub("delete", "Delete a snapshot ('default' cannot be deleted)", [Id], [], output, Delete));
        return market;
    }

    private delegate Task<int> Body(MarketDataService.MarketDataServiceClient client, ServerConnection connection, ParseResult parse,
        CommandOutput output, CancellationToken cancellation);

    private static Command Sub(string name, string description, Argument[] arguments, Option[] options, CommandOutput output, Body body)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments) command.Arguments.Add(argument);
        foreach (var option in options) command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.Run(output, async () =>
        {
            using var connection = ConnectionOptions.Open(parse);
            return await body(new MarketDataService.MarketDataServiceClient(connection.Channel), connection, parse, output, cancellation);
        }));
        return command;
    }

    private static async Task<int> List(MarketDataService.MarketDataServiceClient client, ServerConnection connection, ParseResult parse,
        CommandOutput output, CancellationToken cancellation)
    {
        var reply = await client.ListSnapshotsAsync(new ListSnapshotsRequest(), connection.Call(cancellation));
        if (parse.GetValue(OutputOptions.Json)) await output.Json.WriteLineAsync(ProtoJson.Format(reply));
        else foreach (string id in reply.SnapshotIds) output.Console.WriteLine(id);
        return ExitCodes.Success;
    }

    private static async Task<int> Get(MarketDataService.MarketDataServiceClient client, ServerConnection connection, ParseResult parse,
        CommandOutput output, CancellationToken cancellation)
    {
        var market = await client.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = parse.GetRequiredValue(Id) }, connection.Call(cancellation));
        await output.Json.WriteLineAsync(ProtoJson.Format(market));
        return ExitCodes.Success;
    }

    private static async Task<int> Put(MarketDataService.MarketDataServiceClient client, ServerConnection connection, ParseResult parse,
        CommandOutput output, CancellationToken cancellation)
    {
        string file = parse.GetRequiredValue(File);
        var market = ProtoJson.Parse<MarketData>(await InputText.ReadAsync(file, cancellation), InputText.Name(file));
        var request = new PutSnapshotRequest { SnapshotId = parse.GetRequiredValue(Id), Market = market };
        var reply = await client.PutSnapshotAsync(request, connection.Call(cancellation));
        if (parse.GetValue(OutputOptions.Json)) await output.Json.WriteLineAsync(ProtoJson.Format(reply));
        else output.Console.WriteLine($"stored {reply.SnapshotId}: {string.Join(", ", reply.Underlyings)}");
        return ExitCodes.Success;
    }

    private static async Task<int> Delete(MarketDataService.MarketDataServiceClient client, ServerConnection connection, ParseResult parse,
        CommandOutput output, CancellationToken cancellation)
    {
        string id = parse.GetRequiredValue(Id);
        await client.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = id }, connection.Call(cancellation));
        output.Console.WriteLine($"deleted {id}");
        return ExitCodes.Success;
    }
}

using System.CommandLine;
using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Requests;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>
/// <c>list | get ID | save ID FILE | delete ID</c> over documents a service stores by id (market
/// snapshots, portfolios): one command tree, the service calls given as delegates.
/// </summary>
/// <typeparam name="TClient">The generated gRPC client.</typeparam>
internal sealed class StoredDocumentCommands<TClient>
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string What { get; init; }
    public required Func<GrpcChannel, TClient> Client { get; init; }
    public required Func<TClient, CallOptions, Task<(IMessage Reply, IEnumerable<string> Ids)>> List { get; init; }
    public required Func<TClient, string, CallOptions, Task<IMessage>> Get { get; init; }

    /// <summary>Saves the JSON text (named for errors) under an id; returns the reply and a one-line summary.</summary>
    public required Func<TClient, string, string, string, CallOptions, Task<(IMessage Reply, string Summary)>> Save { get; init; }
    public required Func<TClient, string, CallOptions, Task> Delete { get; init; }
    public string SaveVerb { get; init; } = "save";
    public string DeleteNote { get; init; } = "";

    public Command Create(CommandOutput output)
    {
        var id = new Argument<string>("ID") { Description = $"{What} id" };
        var file = new Argument<string>("FILE") { Description = $"The {What} as protobuf JSON; '-' reads stdin" };
        var root = new Command(Name, Description);
        root.Subcommands.Add(Sub("list", $"List the stored {What} ids", [], [OutputOptions.Json], output, async (c, call, parse) =>
        {
            var (reply, ids) = await List(c, call);
            if (parse.GetValue(OutputOptions.Json)) await output.Json.WriteLineAsync(ProtoJson.Format(reply));
            else foreach (string each in ids) output.Console.WriteLine(each);
        }));
        root.Subcommands.Add(Sub("get", $"Print a stored {What} as protobuf canonical JSON", [id], [], output, async (c, call, parse) =>
            await output.Json.WriteLineAsync(ProtoJson.Format(await Get(c, parse.GetRequiredValue(id), call)))));
        root.Subcommands.Add(Sub(SaveVerb, $"Validate and store a {What} (replaces one with the same id)", [id, file], [OutputOptions.Json], output,
            async (c, call, parse) =>
            {
                string path = parse.GetRequiredValue(file);
                var (reply, summary) = await Save(c, parse.GetRequiredValue(id), await InputText.ReadAsync(path, call.CancellationToken), InputText.Name(path), call);
                if (parse.GetValue(OutputOptions.Json)) await output.Json.WriteLineAsync(ProtoJson.Format(reply));
                else output.Console.WriteLine(summary);
            }));
        root.Subcommands.Add(Sub("delete", $"Delete a stored {What}{DeleteNote}", [id], [], output, async (c, call, parse) =>
        {
            string which = parse.GetRequiredValue(id);
            await Delete(c, which, call);
            output.Console.WriteLine($"deleted {which}");
        }));
        return root;
    }

    private Command Sub(string name, string description, Argument[] arguments, Option[] options, CommandOutput output,
        Func<TClient, CallOptions, ParseResult, Task> body)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments) command.Arguments.Add(argument);
        foreach (var option in options) command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.Run(output, async () =>
        {
            using var connection = ConnectionOptions.Open(parse);
            await body(Client(connection.Channel), connection.Call(cancellation), parse);
            return ExitCodes.Success;
        }));
        return command;
    }
}

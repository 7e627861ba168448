using System.CommandLine;
using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>
/// <c>carbon price [FILE|-]</c>: one request (quick flags or a JSON object) through Price; a JSON
/// array or NDJSON file through PriceStream, one row per reply.
/// </summary>
internal static class PriceCommand
{
    private static readonly Argument<string?> File = new("FILE")
    {
        Description = "PriceRequest as protobuf JSON: one object (Price), or an array / NDJSON lines (PriceStream); '-' reads stdin",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create(CommandOutput output)
    {
        var command = new Command("price", "Price a futures option or future over gRPC (closed form or Monte Carlo)");
        command.Arguments.Add(File);
        command.Options.Add(OutputOptions.Json);
        PriceFlagOptions.AddTo(command);
        command.SetAction((parse, cancellation) => CommandRunner.Run(output, () => Run(parse, output, cancellation)));
        return command;
    }

    private static async Task<int> Run(ParseResult parse, CommandOutput output, CancellationToken cancellation)
    {
        bool json = parse.GetValue(OutputOptions.Json);
        var (requests, isBatch) = await ReadRequests(parse, cancellation);
        using var connection = ConnectionOptions.Open(parse);
        var client = new PricingService.PricingServiceClient(connection.Channel);
        if (isBatch) return await PriceBatch.Run(client, connection, requests, json, output, cancellation);

        var response = await client.PriceAsync(requests[0], connection.Call(cancellation));
        if (json) await output.Json.WriteLineAsync(ProtoJson.Format(response));
        else PriceTables.Write(output.Console, response);
        return ExitCodes.Success;
    }

    private static async Task<(IReadOnlyList<PriceRequest> Requests, bool IsBatch)> ReadRequests(ParseResult parse, CancellationToken cancellation)
    {
        string? file = parse.GetValue(File);
        if (file is null) return ([PriceRequestFactory.FromFlags(PriceFlagOptions.Read(parse))], false);
        if (PriceFlagOptions.AnyGiven(parse)) throw new UsageException("give either a request FILE or the quick flags (--underlying ...), not both");

        string name = InputText.Name(file);
        var (objects, isBatch) = JsonDocuments.Split(await InputText.ReadAsync(file, cancellation), name);
        var requests = objects.Select((text, i) => ProtoJson.Parse<PriceRequest>(text, isBatch ? $"{name}, request {i + 1}" : name)).ToList();
        return (requests, isBatch);
    }
}

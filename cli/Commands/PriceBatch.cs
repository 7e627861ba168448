using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>
/// Sends a batch through PriceStream (writing and reading at once) and prints one row per reply; a
/// failed request is a row with its error and the exit code is the worst of the rows.
/// </summary>
internal static class PriceBatch
{
    public static async Task<int> Run(PricingService.PricingServiceClient client, ServerConnection connection,
        IReadOnlyList<PriceRequest> requests, bool json, CommandOutput output, CancellationToken cancellation)
    {
        using var call = client.PriceStream(connection.Call(cancellation));
        var reading = ReadReplies(call.ResponseStream, json, output, cancellation);
        try
        {
            foreach (var request in requests) await call.RequestStream.WriteAsync(request, cancellation);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            await reading; // the server ended the call early: its status, thrown here, says why
            throw;
        }
        var responses = await reading;

        if (!json) PriceTables.WriteBatch(output.Console, responses);
        return ExitCodes.Worst(responses.Select(r => r.Error is { } e ? ExitCodes.For(e.Code) : ExitCodes.Success));
    }

    private static async Task<List<PriceResponse>> ReadReplies(IAsyncStreamReader<PriceResponse> replies, bool json, CommandOutput output,
        CancellationToken cancellation)
    {
        var responses = new List<PriceResponse>();
        await foreach (var response in replies.ReadAllAsync(cancellation))
        {
            responses.Add(response);
            if (json) await output.Json.WriteLineAsync(ProtoJson.FormatLine(response));
        }
        return responses;
    }
}

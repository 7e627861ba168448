using System.CommandLine;
using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Plots;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;
using Spectre.Console;

namespace CarbonDerivatives.Cli.Commands;

/// <summary><c>carbon vol calibrate FILE [--png FILE]</c>: CalibrateVolSurface, the fit as tables and a PNG of quotes vs curve per expiry.</summary>
internal static class VolCommand
{
    private static readonly Argument<string> File = new("FILE") { Description = "A CalibrateVolSurfaceRequest as JSON (cli/samples/eua-smile.json); '-' reads stdin" };

    private static readonly Option<string> Png = new("--png") { Description = "Write the quotes and fitted smiles to this PNG" };

    public static Command Create(CommandOutput output)
    {
        var vol = new Command("vol", "Volatility smiles (MarketDataService.CalibrateVolSurface)");
        var calibrate = new Command("calibrate", "Fit SABR or SVI per expiry, check arbitrage, optionally save into a snapshot; print the fit");
        calibrate.Arguments.Add(File);
        calibrate.Options.Add(Png);
        calibrate.Options.Add(OutputOptions.Json);
        calibrate.SetAction((parse, cancellation) => CommandRunner.Run(output, async () =>
        {
            using var connection = ConnectionOptions.Open(parse);
            string file = parse.GetRequiredValue(File);
            var request = ProtoJson.Parse<CalibrateVolSurfaceRequest>(await InputText.ReadAsync(file, cancellation), InputText.Name(file));
            var reply = await new MarketDataService.MarketDataServiceClient(connection.Channel).CalibrateVolSurfaceAsync(request, connection.Call(cancellation));
            if (parse.GetValue(Png) is { } png) output.Console.WriteLine($"plot: {SmilePlots.Write(reply, request.Underlying, png)}");
            if (parse.GetValue(OutputOptions.Json))
            {
                await output.Json.WriteLineAsync(ProtoJson.Format(reply));
                return ExitCodes.Success;
            }
            output.Console.Write(Tables.Grid(SmileRows.FitHeader, SmileRows.Fits(reply), [0, 1, 2, 3], $"{request.Underlying} {request.Model} fit"));
            output.Console.Write(Tables.Grid(SmileRows.QuoteHeader, SmileRows.Quotes(reply), [0, 1, 2, 3, 4]));
            output.Console.WriteLine(SmileRows.Arbitrage(reply));
            if (reply.SavedSnapshotId.Length > 0) output.Console.WriteLine($"saved into snapshot {reply.SavedSnapshotId}");
            return ExitCodes.Success;
        }));
        vol.Subcommands.Add(calibrate);
        return vol;
    }
}

using System.CommandLine;
using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Plots;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;
using Google.Protobuf;
using Grpc.Core;
using Spectre.Console;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>
/// <c>carbon spec validate|save FILE</c>, <c>carbon spec list</c>, <c>carbon spec calendar CODE|FILE</c> and
/// <c>carbon spec test CODE|FILE</c>: the SpecService. The lab prints its tables and writes PNG plots.
/// </summary>
internal static class SpecCommand
{
    private static readonly Argument<string> File = new("FILE") { Description = "The spec as JSON (the format of specs/); '-' reads stdin" };

    private static readonly Argument<string> Spec = new("SPEC") { Description = "A spec code the server knows (e.g. ICE-EUA-FUT) or a spec JSON file" };

    private static readonly Option<int> Count = new("--count") { Description = "Contracts to list", DefaultValueFactory = _ => 12 };

    private static readonly Option<string> Snapshot = new("--snapshot") { Description = "Market snapshot id", DefaultValueFactory = _ => "default" };

    private static readonly Option<string> PlotDirectory = new("--plots") { Description = "Directory the PNG plots are written to (default: the current directory)" };

    private static readonly Option<long> Paths = new("--paths") { Description = "Paths of the margin simulation (0: the server's default, 200,000)" };

    private static readonly Option<string> History = new("--history")
    {
        Description = "CSV of daily prices (date,price; oldest first), e.g. data/eua_front_dec_daily_2008_2026.csv: a historical margin back-test",
    };

    private static readonly Option<string> Model = new("--model")
    {
        Description = "Dynamics of the margin simulation, ladder and stress as a Model in protobuf JSON, e.g. " +
            "'{\"heston\":{\"meanReversion\":2,\"longRunVariance\":0.2,\"volOfVol\":0.9,\"correlation\":-0.5}}' (default Black-76)",
    };

    private static readonly Option<string[]> Compare = new("--compare")
    {
        Description = "Margin and limit settings to compare with the spec's own, MARGIN[:LIMIT%] (e.g. 6000:5, 3000, :20); repeatable, at most 8",
    };

    private static readonly Option<ulong> Seed = new("--seed") { Description = "Seed of the margin simulation (0: the default)" };

    public static Command Create(CommandOutput output)
    {
        var spec = new Command("spec", "Contract specs and the spec lab (SpecService)");
        spec.Subcommands.Add(Sub("validate", "Validate a spec: every error with its field path (line and column for malformed JSON)", [File], [OutputOptions.Json], output, Validate));
        spec.Subcommands.Add(Sub("save", "Validate and save a spec under its code (library codes are read-only)", [File], [], output, Save));
        spec.Subcommands.Add(Sub("list", "List the library and saved specs", [], [OutputOptions.Json], output, List));
        spec.Subcommands.Add(Sub("calendar", "The next listed contracts and their last trading days", [Spec], [Count, Snapshot, OutputOptions.Json], output, Calendar));
        spec.Subcommands.Add(Sub("test", "Run the spec lab: calendar, strikes and Greeks per lot, ladder, stress, margin coverage; writes PNG plots",
            [Spec], [Snapshot, PlotDirectory, Paths, Seed, History, Model, Compare, OutputOptions.Json], output, Test));
        return spec;
    }

    private sealed record Context(SpecService.SpecServiceClient Client, ServerConnection Connection, ParseResult Parse, CommandOutput Output,
        CancellationToken Cancellation)
    {
        public bool Json => Parse.GetValue(OutputOptions.Json);

        public CallOptions Call => Connection.Call(Cancellation);

        public Task WriteJson(IMessage reply) => Output.Json.WriteLineAsync(ProtoJson.Format(reply));

        public void Table(string[] header, IEnumerable<string[]> rows, IEnumerable<int> rightAligned, string? title = null) =>
            Output.Console.Write(Tables.Grid(header, rows, rightAligned, title));
    }

    private static Command Sub(string name, string description, Argument[] arguments, Option[] options, CommandOutput output, Func<Context, Task<int>> body)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments) command.Arguments.Add(argument);
        foreach (var option in options) command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.Run(output, async () =>
        {
            using var connection = ConnectionOptions.Open(parse);
            return await body(new Context(new SpecService.SpecServiceClient(connection.Channel), connection, parse, output, cancellation));
        }));
        return command;
    }

    private static async Task<int> Validate(Context c)
    {
        string file = c.Parse.GetRequiredValue(File);
        var reply = await c.Client.ValidateSpecAsync(new ValidateSpecRequest { SpecJson = await InputText.ReadAsync(file, c.Cancellation) }, c.Call);
        if (c.Json) await c.WriteJson(reply);
        else if (reply.Valid) c.Output.Console.WriteLine($"{InputText.Name(file)}: {reply.Code} is valid");
        else c.Table(SpecRows.ErrorHeader, SpecRows.Errors(reply.Errors), [1, 2], $"{InputText.Name(file)}: {reply.Errors.Count} error(s)");
        return reply.Valid ? ExitCodes.Success : ExitCodes.InvalidArgument;
    }

    private static async Task<int> Save(Context c)
    {
        var reply = await c.Client.SaveSpecAsync(new SaveSpecRequest { SpecJson = await InputText.ReadAsync(c.Parse.GetRequiredValue(File), c.Cancellation) }, c.Call);
        c.Output.Console.WriteLine($"{(reply.Replaced ? "replaced" : "saved")} {reply.Code}");
        return ExitCodes.Success;
    }

    private static async Task<int> List(Context c)
    {
        var reply = await c.Client.ListSpecsAsync(new ListSpecsRequest(), c.Call);
        if (c.Json) await c.WriteJson(reply);
        else
        {
            c.Table(SpecRows.SummaryHeader, SpecRows.Summaries(reply.Specs), [6]);
            foreach (string error in reply.LibraryErrors) c.Output.Console.WriteLine($"library file left out: {error}");
        }
        return ExitCodes.Success;
    }

    private static async Task<int> Calendar(Context c)
    {
        var request = new ListingCalendarRequest
        {
            Spec = await SpecInput.ReferenceAsync(c.Parse.GetRequiredValue(Spec), c.Cancellation), Count = c.Parse.GetValue(Count),
            Market = new MarketSource { SnapshotId = c.Parse.GetValue(Snapshot) ?? "default" },
        };
        var reply = await c.Client.ListingCalendarAsync(request, c.Call);
        if (c.Json) await c.WriteJson(reply);
        else c.Table(SpecRows.CalendarHeader, SpecRows.Calendar(reply.Contracts), [], $"{reply.SpecCode} from {reply.FromDate}");
        return ExitCodes.Success;
    }

    private static async Task<int> Test(Context c)
    {
        var request = new TestSpecRequest
        {
            Spec = await SpecInput.ReferenceAsync(c.Parse.GetRequiredValue(Spec), c.Cancellation),
            Market = new MarketSource { SnapshotId = c.Parse.GetValue(Snapshot) ?? "default" },
            Settings = new SpecLabSettings { Paths = c.Parse.GetValue(Paths), Seed = c.Parse.GetValue(Seed) },
        };
        if (c.Parse.GetValue(Model) is { } model) request.Settings.Model = ProtoJson.Parse<Model>(model, "--model");
        request.Settings.MarginAlternatives.AddRange((c.Parse.GetValue(Compare) ?? []).Select(MarginTermsText.Parse));
        if (c.Parse.GetValue(History) is { } history)
            request.Settings.HistoricalLogReturns.AddRange(await PriceHistory.LogReturnsAsync(history, c.Cancellation));
        var report = await c.Client.TestSpecAsync(request, c.Call);
        var plots = SpecPlots.Write(report, c.Parse.GetValue(PlotDirectory) ?? Directory.GetCurrentDirectory());
        if (c.Json)
        {
            await c.WriteJson(report);
            return ExitCodes.Success;
        }
        SpecReportTables.Write(report, c.Output);
        foreach (string plot in plots) c.Output.Console.WriteLine($"plot: {plot}");
        foreach (string warning in report.Warnings) c.Output.Console.WriteLine($"warning: {warning}");
        foreach (var e in report.Errors) c.Output.Console.WriteLine($"not valued: {e.Message}");
        return report.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}

using System.CommandLine;
using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;
using Google.Protobuf;
using Spectre.Console;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>
/// <c>carbon risk sensitivities|ladder|stress|var|margin FILE</c> and <c>carbon risk scenarios</c>: the
/// RiskService. FILE is the request as protobuf JSON ('-' reads stdin); long jobs show a progress bar.
/// </summary>
internal static class RiskCommand
{
    private static readonly Argument<string> File = new("FILE") { Description = "The request as protobuf JSON; '-' reads stdin" };

    private static readonly Option<bool> NoProgress = new("--no-progress") { Description = "Do not draw a progress bar" };

    public static Command Create(CommandOutput output)
    {
        var risk = new Command("risk", "Portfolio risk (RiskService): Greeks, scenario ladders, stress tests, VaR/ES");
        risk.Subcommands.Add(Sub("sensitivities", "Greeks by position, underlying, tenor and in total (a SensitivitiesRequest)", true, output, Sensitivities));
        risk.Subcommands.Add(Sub("ladder", "P&L over price shocks x vol shocks (a ScenarioLadderRequest)", true, output, Ladder));
        risk.Subcommands.Add(Sub("stress", "P&L under catalogue and custom stress scenarios (a StressTestRequest)", true, output, Stress));
        risk.Subcommands.Add(Sub("var", "Value at risk and expected shortfall (a ValueAtRiskRequest)", true, output, ValueAtRisk));
        risk.Subcommands.Add(Sub("margin", "SPAN-style margin by underlying and component, and the ES margin if asked (a MarginRequest)", true, output, Margin));
        risk.Subcommands.Add(Sub("scenarios", "List the server's stress catalogue", false, output, Scenarios));
        return risk;
    }

    private sealed record Context(RiskService.RiskServiceClient Client, ServerConnection Connection, ParseResult Parse, CommandOutput Output,
        CancellationToken Cancellation)
    {
        public bool Json => Parse.GetValue(OutputOptions.Json);

        public bool ShowProgress => !Json && !Parse.GetValue(NoProgress);

        public async Task<T> Request<T>() where T : IMessage<T>, new()
        {
            string file = Parse.GetRequiredValue(File);
            return ProtoJson.Parse<T>(await InputText.ReadAsync(file, Cancellation), InputText.Name(file));
        }

        /// <summary>Writes the reply as JSON, or runs <paramref name="table"/>; the exit code says whether any part failed.</summary>
        public async Task<int> Write(IMessage reply, Action table, IEnumerable<string> errors)
        {
            var lines = errors.ToList();
            if (Json) await Output.Json.WriteLineAsync(ProtoJson.Format(reply));
            else
            {
                table();
                foreach (string line in lines) Output.Console.WriteLine(line);
            }
            return lines.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }

        public void Table(string[] header, IEnumerable<string[]> rows, IEnumerable<int> rightAligned, string? title = null) =>
            Output.Console.Write(Tables.Grid(header, rows, rightAligned, title));
    }

    private static Command Sub(string name, string description, bool takesFile, CommandOutput output, Func<Context, Task<int>> body)
    {
        var command = new Command(name, description);
        if (takesFile) command.Arguments.Add(File);
        command.Options.Add(OutputOptions.Json);
        if (takesFile) command.Options.Add(NoProgress);
        command.SetAction((parse, cancellation) => CommandRunner.Run(output, async () =>
        {
            using var connection = ConnectionOptions.Open(parse);
            return await body(new Context(new RiskService.RiskServiceClient(connection.Channel), connection, parse, output, cancellation));
        }));
        return command;
    }

    private static async Task<int> Sensitivities(Context c)
    {
        var request = await c.Request<SensitivitiesRequest>();
        using var call = c.Client.Sensitivities(request, c.Connection.Call(c.Cancellation));
        var result = await StreamedJob.Follow(call.ResponseStream, u => u.Progress, u => u.Result, "sensitivities", c.Output, c.ShowProgress, c.Cancellation);
        return await c.Write(result, () =>
        {
            c.Table(RiskRows.PositionHeader, RiskRows.Positions(result), Enumerable.Range(5, 6), "positions (own currency)");
            c.Table(RiskRows.TotalsHeader, RiskRows.Totals(result), Enumerable.Range(1, 8), $"totals ({result.ReportingCurrency})");
            if (result.FxDelta.Count > 0)
                c.Output.Console.WriteLine($"FX delta ({result.ReportingCurrency} per 1.00 of each rate): " +
                    string.Join(", ", result.FxDelta.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {Figures.Money(f.Value)}")));
            foreach (var s in result.Simulations)
                c.Output.Console.WriteLine($"simulated {s.Underlying}: {Figures.Count(s.Paths)} paths for {s.Positions} positions in {Figures.Millis(s.ElapsedMs)} ms");
        }, RiskRows.Errors(RiskRows.PositionErrors(result)));
    }

    private static async Task<int> Ladder(Context c)
    {
        var request = await c.Request<ScenarioLadderRequest>();
        using var call = c.Client.ScenarioLadder(request, c.Connection.Call(c.Cancellation));
        var result = await StreamedJob.Follow(call.ResponseStream, u => u.Progress, u => u.Result, "ladder", c.Output, c.ShowProgress, c.Cancellation);
        return await c.Write(result, () =>
        {
            var grids = new[] { ("total", result.Total) }.Concat(result.ByUnderlying.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => (u.Key, u.Value)));
            foreach (var (name, grid) in grids)
            {
                var (header, rows) = RiskRows.Ladder(result, grid);
                c.Table(header, rows, Enumerable.Range(0, header.Length), $"P&L, {name}");
            }
        }, RiskRows.Errors(result.Errors.Select(e => ("ladder", e))));
    }

    private static async Task<int> Margin(Context c)
    {
        var request = await c.Request<MarginRequest>();
        var response = await c.Client.MarginAsync(request, c.Connection.Call(c.Cancellation));
        return await c.Write(response, () =>
        {
            c.Table(RiskRows.MarginHeader, RiskRows.Margin(response), [1, 2, 3, 4, 5, 6, 7], $"margin ({response.ReportingCurrency})");
            c.Output.Console.WriteLine($"total {Figures.Money(response.Total)}; driven by {response.DrivingUnderlying}, scenario " +
                $"{response.DrivingScenario?.Number} ({response.DrivingScenario?.Description})");
            if (response.ExpectedShortfall is { } es)
                c.Output.Console.WriteLine($"expected-shortfall margin {Figures.Money(es.Margin)} over {es.Windows} windows " +
                    $"({es.StressWindows} in the stress period), worst window to {es.WorstWindowEnd}: loss {Figures.Money(es.WorstLoss)}");
        }, RiskRows.Errors(response.Errors.Select(e => ("margin", e))));
    }

    private static async Task<int> Stress(Context c)
    {
        var request = await c.Request<StressTestRequest>();
        var response = await c.Client.StressTestAsync(request, c.Connection.Call(c.Cancellation));
        return await c.Write(response, () =>
        {
            c.Table(RiskRows.StressHeader, RiskRows.Stress(response), [1, 2, 3], $"stress P&L ({response.ReportingCurrency})");
            foreach (var r in response.Results.Where(r => r.ByUnderlying.Count > 0))
                c.Output.Console.WriteLine($"{r.Scenario.Name}: {string.Join(", ", r.ByUnderlying.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key} {Figures.Money(u.Value)}"))}");
        }, RiskRows.Errors(response.Errors.Select(e => ("stress", e))));
    }

    private static async Task<int> ValueAtRisk(Context c)
    {
        var request = await c.Request<ValueAtRiskRequest>();
        using var call = c.Client.ValueAtRisk(request, c.Connection.Call(c.Cancellation));
        var result = await StreamedJob.Follow(call.ResponseStream, u => u.Progress, u => u.Result, "VaR", c.Output, c.ShowProgress, c.Cancellation);
        return await c.Write(result, () =>
        {
            c.Table(RiskRows.VarHeader, RiskRows.Var(result), [0, 1, 2, 3, 4],
                $"{result.Method}, {result.HorizonDays}-day horizon, {Figures.Count(result.Scenarios)} scenarios ({result.ReportingCurrency}; losses positive)");
            c.Output.Console.WriteLine($"mean P&L {Figures.Money(result.MeanPnl)}");
        }, RiskRows.Errors(result.Errors.Select(e => ("VaR", e))));
    }

    private static async Task<int> Scenarios(Context c)
    {
        var response = await c.Client.ListStressScenariosAsync(new ListStressScenariosRequest(), c.Connection.Call(c.Cancellation));
        return await c.Write(response, () => c.Table(RiskRows.ScenarioHeader, RiskRows.Scenarios(response), [1, 3]), []);
    }
}

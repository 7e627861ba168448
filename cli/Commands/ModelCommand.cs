using System.CommandLine;
using CarbonDerivatives.Cli.Connection;
using CarbonDerivatives.Cli.Output;
using CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;
using Spectre.Console;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>
/// <c>carbon model compare --history CSV [--quotes JSON]</c> and <c>carbon model regimes --history CSV</c>: the ModelService.
/// The history is a CSV of daily prices (date,price; oldest first); quotes a CompareModelsRequest's quotes as protobuf JSON.
/// </summary>
internal static class ModelCommand
{
    private static readonly Option<string> History = new("--history") { Description = "CSV of daily prices (date,price; oldest first), e.g. data/eua_front_dec_daily_2008_2026.csv" };

    private static readonly Option<string> Quotes = new("--quotes") { Description = "A CompareModelsRequest as protobuf JSON whose quotes are fitted (Black-76, Merton, Heston, SABR)" };

    private static readonly Option<int> Regimes = new("--regimes") { Description = "States of the regime-switching model (default 3)", DefaultValueFactory = _ => 3 };

    public static Command Create(CommandOutput output)
    {
        var model = new Command("model", "Dynamics fitted to markets (ModelService): model comparison, regime-switching fits");
        var compare = new Command("compare", "GBM, Merton, regime switching and Schwartz on a history (log-likelihood, AIC, BIC); Black-76, Merton, Heston and SABR on a smile");
        compare.Options.Add(History);
        compare.Options.Add(Quotes);
        compare.Options.Add(Regimes);
        compare.Options.Add(OutputOptions.Json);
        compare.SetAction((parse, cancellation) => CommandRunner.Run(output, async () =>
        {
            var request = new CompareModelsRequest { Regimes = parse.GetValue(Regimes) };
            if (parse.GetValue(Quotes) is { } quotes)
                request.Quotes.AddRange(ProtoJson.Parse<CompareModelsRequest>(await InputText.ReadAsync(quotes, cancellation), InputText.Name(quotes)).Quotes);
            if (parse.GetValue(History) is { } history) request.Prices.AddRange(await PriceHistory.PricesAsync(history, cancellation));
            if (request.Prices.Count == 0 && request.Quotes.Count == 0) throw new UsageException("give --history, --quotes or both");
            using var connection = ConnectionOptions.Open(parse);
            var reply = await new ModelService.ModelServiceClient(connection.Channel).CompareModelsAsync(request, connection.Call(cancellation));
            if (parse.GetValue(OutputOptions.Json)) await output.Json.WriteLineAsync(ProtoJson.Format(reply));
            else
            {
                if (reply.History.Count > 0)
                    output.Console.Write(Tables.Grid(["model", "parameters", "log-likelihood", "AIC", "BIC", "note"],
                        reply.History.Select(r => new[] { r.Model, r.Parameters.ToString(), Figures.Money(r.LogLikelihood), Figures.Money(r.Aic), Figures.Money(r.Bic), r.Note }),
                        [1, 2, 3, 4], $"on {Figures.Count(reply.History[0].Observations)} returns, best AIC first"));
                if (reply.Smile.Count > 0)
                    output.Console.Write(Tables.Grid(["model", "parameters", "RMS (vol pts)", "worst (vol pts)"],
                        reply.Smile.Select(r => new[] { r.Model, r.Parameters.ToString(), Figures.Fine(r.RmsVolPoints), Figures.Fine(r.MaxVolPoints) }),
                        [1, 2, 3], "on the smile, best first"));
            }
            return ExitCodes.Success;
        }));
        model.Subcommands.Add(compare);

        var regimes = new Command("regimes", "A Markov-switching fit of a history: each regime's vol and drift, the chain, today's regime probabilities");
        regimes.Options.Add(History);
        regimes.Options.Add(Regimes);
        regimes.Options.Add(OutputOptions.Json);
        regimes.SetAction((parse, cancellation) => CommandRunner.Run(output, async () =>
        {
            string history = parse.GetValue(History) ?? throw new UsageException("--history is required");
            var request = new CalibrateRegimeSwitchingRequest { Regimes = parse.GetValue(Regimes) };
            request.Prices.AddRange(await PriceHistory.PricesAsync(history, cancellation));
            using var connection = ConnectionOptions.Open(parse);
            var fit = await new ModelService.ModelServiceClient(connection.Channel).CalibrateRegimeSwitchingAsync(request, connection.Call(cancellation));
            if (parse.GetValue(OutputOptions.Json)) await output.Json.WriteLineAsync(ProtoJson.Format(fit));
            else
            {
                var m = fit.Model;
                output.Console.Write(Tables.Grid(["regime", "vol", "± SE", "drift", "± SE", "stays (per day)", "today"],
                    Enumerable.Range(0, m.Volatilities.Count).Select(k => new[]
                    {
                        k.ToString(), Figures.Percent(m.Volatilities[k]), Figures.Percent(fit.VolatilityErrors[k]), Figures.Percent(m.Drifts[k]),
                        Figures.Percent(fit.DriftErrors[k]), Figures.Fine(m.Transition[k].Probabilities[k]), Figures.Fine(m.InitialProbabilities[k]),
                    }), [1, 2, 3, 4, 5, 6], $"{m.Volatilities.Count} regimes on {Figures.Count(fit.Observations)} returns"));
                output.Console.WriteLine($"log-likelihood {Figures.Money(fit.LogLikelihood)}, AIC {Figures.Money(fit.Aic)}, BIC {Figures.Money(fit.Bic)}");
            }
            return ExitCodes.Success;
        }));
        model.Subcommands.Add(regimes);
        return model;
    }
}

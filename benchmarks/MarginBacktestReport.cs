using System.Globalization;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Risk.Backtesting;

namespace CarbonDerivatives.Benchmarks;

/// <summary>
/// <c>margin-backtest [--data DIR]</c>: the README's back-test table. SPAN-style and expected-shortfall margins of a
/// one-tonne future, 2-day margin period, 750-return lookback, at 99% and 99.7%, on the shipped EUA and GDEA histories;
/// breaches, coverage, Kupiec and Christoffersen p-values and the worst breaches.
/// </summary>
public static class MarginBacktestReport
{
    /// <summary>The series, with the stress period of each ES margin (its worst stretch in the shipped data).</summary>
    private static readonly (string Code, string File, DateOnly StressFrom, DateOnly StressTo, string Stress)[] Series =
    [
        ("EUA", "eua_front_dec_daily_2008_2026.csv", new(2008, 7, 1), new(2009, 2, 27), "2008-07-01..2009-02-27 (financial crisis)"),
        ("GDEA", "gdea_guangdong_daily_2014_2023.csv", new(2014, 6, 24), new(2014, 12, 2), "2014-06-24..2014-12-02 (-71% pilot slump)"),
    ];

    public static int Run(string[] args)
    {
        string data = args.Length >= 2 && args[0] == "--data" ? args[1] : "data";
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("| series | model | confidence | periods | breaches | coverage | Kupiec p | Christoffersen p | mean margin | worst breaches (set -> end: move vs margin) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in Series)
        {
            var history = PriceSeriesCsv.ReadReturns(Path.Combine(data, s.File), s.Code);
            foreach (var model in new[] { MarginModel.Span, MarginModel.ExpectedShortfall })
                foreach (double confidence in new[] { 0.99, 0.997 })
                {
                    var r = MarginBacktest.Run(s.Code, history, model,
                        new BacktestSettings { Confidence = confidence, StressFrom = s.StressFrom, StressTo = s.StressTo });
                    string worst = string.Join("; ", r.WorstBreaches.Select(b =>
                        string.Create(c, $"{b.Set:yyyy-MM-dd} -> {b.End:yyyy-MM-dd}: {b.Move:+0.0%;-0.0%} vs {b.Margin:0.0%}")));
                    Console.WriteLine(string.Create(c,
                        $"| {s.Code} {history.Dates[0]:yyyy}-{history.Dates[^1]:yyyy} | {(model == MarginModel.Span ? "SPAN scan" : "ES + stress")} | {confidence:0.0%} | {r.Observations} | {r.Breaches} | {r.Coverage:0.00%} | {r.Kupiec.PValue:0.000} | {r.Christoffersen.PValue:0.000} | {r.AverageMargin:0.0%} | {worst} |"));
                }
        }
        Console.WriteLine();
        Console.WriteLine("Stress periods of the ES margin: " + string.Join("; ", Series.Select(s => $"{s.Code} {s.Stress}")) + ".");
        return 0;
    }
}

using Spectre.Console;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Output;

/// <summary>The readable form of a spec-lab report: calendar, strikes, ladder, stress, margin coverage and price limits.</summary>
internal static class SpecReportTables
{
    public static void Write(SpecLabReport r, CommandOutput output)
    {
        void Table(string[] header, IEnumerable<string[]> rows, IEnumerable<int> right, string title) =>
            output.Console.Write(Tables.Grid(header, rows, right, title));
        string perLot = $"{r.Currency} per lot of {Figures.Count((long)r.LotSize)} {r.Unit}";

        output.Console.WriteLine($"{r.SpecCode} on {r.ValuationDate}: {r.Instrument}, underlying {Figures.Money(r.UnderlyingPrice)} {r.Currency}/unit");
        if (r.Calendar.Count > 0) Table(SpecRows.CalendarHeader, SpecRows.Calendar(r.Calendar), [], "listing calendar");
        if (r.Strikes.Count > 0) Table(SpecRows.StrikeHeader, SpecRows.Strikes(r), Enumerable.Range(3, 8), $"listed strikes, Black-76 ({perLot})");
        var ladder = SpecRows.Ladder(r);
        var (header, rows) = RiskRows.Ladder(ladder, ladder.Total);
        Table(header, rows, Enumerable.Range(0, header.Length), $"scenario ladder: P&L of {r.Instrument} ({r.Currency})");
        Table(RiskRows.StressHeader, RiskRows.Stress(SpecRows.Stress(r)), [1, 2, 3], $"stress: P&L of {r.Instrument} ({r.Currency})");
        if (r.HedgedMargins is { Books.Count: > 0 } hedged)
            Table(SpecRows.HedgedHeader, SpecRows.Hedged(hedged), [2, 3, 4],
                $"portfolio margin with typical hedges ({r.Currency}; price scan {hedged.Parameters.PriceScanRange:P2}: {hedged.ParameterSource})");
        if (r.Margin is not { } margin) return;

        string model = $"{margin.Model}, vol {margin.Volatility:P1}, {margin.HorizonDays}-day horizon, {Figures.Count(margin.Paths)} paths, seed {margin.Seed}";
        Table(SpecRows.MarginNeedHeader, SpecRows.MarginNeeded(margin), Enumerable.Range(1, 6), $"margin needed ({perLot}; {model})");
        if (margin.Coverage is { } coverage)
            Table(SpecRows.CoverageHeader, SpecRows.Coverage(coverage), [1, 2, 3],
                $"coverage of the initial margin {Figures.Money(coverage.InitialMarginPerLot)} {r.Currency}/lot");
        else output.Console.WriteLine("the spec states no initial margin: coverage not computed");
        output.Console.WriteLine(margin.PriceLimit is { } limit ? SpecRows.PriceLimit(limit, r.Currency) : "no daily price limit");
        if (r.MarginComparison.Count > 0)
            Table(SpecRows.ComparisonHeader, SpecRows.Comparison(r.MarginComparison, r.Currency), Enumerable.Range(1, 7),
                "margin and limit settings side by side (same paths and history)");
        if (r.HistoricalMargin is { } history)
        {
            Table(SpecRows.HistoricalHeader, SpecRows.HistoricalMarginNeeded(history), [1, 2, 3],
                $"historical back-test: margin needed ({perLot}; {Figures.Count(history.Windows)} windows of {margin.HorizonDays} days)");
            output.Console.WriteLine(SpecRows.HistoricalSummary(history, r.Currency));
        }
    }
}

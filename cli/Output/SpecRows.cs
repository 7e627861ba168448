using System.Globalization;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Output;

/// <summary>The text of the spec tables, row by row. Pure: the Spectre tables are built from these.</summary>
internal static class SpecRows
{
    public static readonly string[] ErrorHeader = ["field", "line", "column", "problem"];

    public static readonly string[] SummaryHeader = ["code", "name", "exchange", "kind", "market", "ccy", "lot", "origin"];

    public static readonly string[] CalendarHeader = ["contract", "last trading day", "underlying", "underlying last trading day"];

    public static readonly string[] StrikeHeader = ["contract", "expiry", "type", "strike", "forward", "vol", "price/lot", "delta/lot", "gamma/lot", "vega/lot", "theta/lot"];

    public static readonly string[] MarginNeedHeader = ["confidence", "long", "long (closed form)", "short", "short (closed form)", "either side", "either side, limits"];

    public static readonly string[] CoverageHeader = ["side", "P(loss <= IM)", "SE", "closed form"];

    public static readonly string[] HistoricalHeader = ["confidence", "long", "short", "either side"];

    public static readonly string[] ComparisonHeader =
        ["settings", "initial margin", "daily limit", "covers either side", "closed form", "with the limit", "P(limit hit)", "history covers"];

    public static IReadOnlyList<string[]> Comparison(IReadOnlyList<MarginComparison> rows, string currency) => rows.Select((row, i) => new[]
    {
        row.FromSpec ? "the spec" : $"alternative {i}",
        row.Terms.HasInitialMarginPerLot ? $"{Figures.Money(row.Terms.InitialMarginPerLot)} {currency}" : "-",
        row.Terms.HasLimitFraction ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"±{row.Terms.LimitFraction * 100:0.##}%") : "-",
        row.Coverage is { } c ? $"{c.EitherSide.Value:P3} ± {c.EitherSide.StandardError:P3}" : "-",
        row.Coverage is { } cf ? $"{cf.EitherSideClosedForm:P3}" : "-",
        row.Coverage?.EitherSideWithLimits is { } w ? $"{w.Value:P3}" : "-",
        row.PriceLimit is { } l ? $"{l.ProbabilityLimitHit.Value:P2}" : "-",
        row.Historical is { HasCoverageEitherSide: true } h ? $"{h.CoverageEitherSide:P2}" : "-",
    }).ToList();

    public static readonly string[] HedgedHeader = ["book", "positions", "margin", "legs alone", "offset", "driving scenario"];

    public static IReadOnlyList<string[]> Hedged(HedgedMarginReport report) => report.Books.Select(b => new[]
    {
        b.Book, b.Positions, Figures.Money(b.Margin), Figures.Money(b.LegsAlone), b.LegsAlone > 0 ? $"{1 - b.Margin / b.LegsAlone:P1}" : "-",
        b.Detail?.DrivingScenario?.Description ?? "-",
    }).ToList();

    public static IReadOnlyList<string[]> HistoricalMarginNeeded(HistoricalMargin h) => h.MarginNeeded.Select(n => new[]
    {
        Percent(n.Confidence), Figures.Money(n.LongSide), Figures.Money(n.ShortSide), Figures.Money(n.EitherSide),
    }).ToList();

    /// <summary>Coverage and worst losses of the back-test in one line.</summary>
    public static string HistoricalSummary(HistoricalMargin h, string currency)
    {
        string coverage = h.HasCoverageLong
            ? $"coverage of the initial margin: long {Percent(h.CoverageLong)}, short {Percent(h.CoverageShort)}, either side {Percent(h.CoverageEitherSide)}"
              + (h.HasCoverageEitherSideWithLimits ? $" ({Percent(h.CoverageEitherSideWithLimits)} with the daily limit)" : "")
            : "no initial margin in the spec";
        return $"history: {coverage}; worst loss per lot long {Figures.Money(h.WorstLossLong)}, short {Figures.Money(h.WorstLossShort)} {currency}";
    }

    public static IReadOnlyList<string[]> Errors(IEnumerable<SpecError> errors) => errors.Select(e => new[]
    {
        e.Path.Length == 0 ? "(document)" : e.Path, e.Line == 0 ? "" : Whole(e.Line), e.Column == 0 ? "" : Whole(e.Column), e.Message,
    }).ToList();

    public static IReadOnlyList<string[]> Summaries(IEnumerable<SpecSummary> specs) => specs.Select(s => new[]
    {
        s.Code, s.Name, s.Exchange, s.Kind, s.MarketCode, s.Currency, Figures.Count((long)s.LotSize),
        s.Origin == SpecOrigin.Library ? "library" : "saved",
    }).ToList();

    public static IReadOnlyList<string[]> Calendar(IEnumerable<ListedContract> contracts) => contracts.Select(c => new[]
    {
        c.Label, c.LastTradingDay, c.UnderlyingContract, c.UnderlyingLastTradingDay,
    }).ToList();

    public static IReadOnlyList<string[]> Strikes(SpecLabReport report) => report.Strikes.Select(q => new[]
    {
        q.Contract, q.Expiry, q.Right == OptionRight.Put ? "put" : "call", Figures.Money(q.Strike), Figures.Money(q.Forward),
        q.Volatility.ToString("P1", CultureInfo.InvariantCulture), Figures.Money(q.Price), Figures.Money(q.Greeks.Delta.Value),
        Figures.Fine(q.Greeks.Gamma.Value), Figures.Money(q.Greeks.Vega.Value), Figures.Money(q.Greeks.Theta.Value),
    }).ToList();

    /// <summary>The ladder of the report as the risk ladder's result, so both print alike.</summary>
    public static ScenarioLadderResult Ladder(SpecLabReport report) => new()
    {
        PriceShocks = { report.PriceShocks }, VolShocks = { report.VolShocks }, Total = report.Ladder,
    };

    /// <summary>The stress table of the report as a stress test's response, so both print alike.</summary>
    public static StressTestResponse Stress(SpecLabReport report) => new() { ReportingCurrency = report.Currency, Results = { report.Stress } };

    public static IReadOnlyList<string[]> MarginNeeded(MarginAdequacy margin) => margin.MarginNeeded.Select(n => new[]
    {
        Percent(n.Confidence), Figures.Money(n.LongSide), Figures.Money(n.LongSideClosedForm), Figures.Money(n.ShortSide),
        Figures.Money(n.ShortSideClosedForm), Figures.Money(n.EitherSide), n.HasEitherSideWithLimits ? Figures.Money(n.EitherSideWithLimits) : "",
    }).ToList();

    public static IReadOnlyList<string[]> Coverage(MarginCoverage c)
    {
        var rows = new List<string[]>
        {
            CoverageRow("long", c.LongSide, c.LongSideClosedForm),
            CoverageRow("short", c.ShortSide, c.ShortSideClosedForm),
            CoverageRow("either side", c.EitherSide, c.EitherSideClosedForm),
        };
        if (c.EitherSideWithLimits is { } capped) rows.Add(["either side, price limits", Percent(capped.Value), Percent(capped.StandardError), ""]);
        return rows;
    }

    /// <summary>One line on the price limit: how far a day's loss is capped and how often a day locks limit.</summary>
    public static string PriceLimit(PriceLimitEffect limit, string currency) =>
        $"price limit ±{Percent(limit.Fraction)}: a day's loss is capped at {Figures.Money(limit.MaxLossPerLot)} {currency}/lot; " +
        $"P(limit hit) {Percent(limit.ProbabilityLimitHit.Value)} ± {Percent(limit.ProbabilityLimitHit.StandardError)} " +
        $"(closed form {Percent(limit.ProbabilityLimitHitClosedForm)})";

    private static string[] CoverageRow(string side, Probability simulated, double closedForm) =>
        [side, Percent(simulated.Value), Percent(simulated.StandardError), Percent(closedForm)];

    private static string Percent(double value) => value.ToString("0.###%", CultureInfo.InvariantCulture);

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk.Margin;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Backtesting;

/// <summary>The margin models a back-test compares.</summary>
public enum MarginModel
{
    /// <summary><see cref="SpanMargin"/>, its scan range <see cref="ScanRangeCalibration"/>'s quantile of the lookback's h-day moves.</summary>
    Span,

    /// <summary><see cref="ExpectedShortfallMargin"/> over the lookback and the stress period.</summary>
    ExpectedShortfall,
}

/// <summary>Settings of a margin back-test.</summary>
public sealed record BacktestSettings
{
    /// <summary>Margin period of risk in trading days: each observation is the next h returns; in [2, 5].</summary>
    public int HorizonDays { get; init; } = 2;

    /// <summary>Returns of history before each margin date the margin is set from; in [250, 5000].</summary>
    public int LookbackDays { get; init; } = 750;

    /// <summary>The SPAN quantile and the ES confidence; in [0.99, 0.997]. The breach rate tested is 1 − this.</summary>
    public double Confidence { get; init; } = 0.99;

    /// <summary>Stress period of the ES margin, used once it is wholly in the past; with <see cref="StressTo"/> or neither.</summary>
    public DateOnly? StressFrom { get; init; }

    /// <summary>Last day of the stress period.</summary>
    public DateOnly? StressTo { get; init; }

    /// <summary>Breaches listed, largest excess first.</summary>
    public int WorstBreaches { get; init; } = 3;
}

/// <summary>A breach: the move of the h days ending on <paramref name="End"/> exceeded the margin set on <paramref name="Set"/>.</summary>
/// <param name="Set">Date the margin was set (the last return it saw).</param>
/// <param name="End">Last date of the h-day move.</param>
/// <param name="Move">Relative price move e^{Σr} − 1.</param>
/// <param name="Margin">Margin as a share of the price.</param>
public sealed record BacktestBreach(DateOnly Set, DateOnly End, double Move, double Margin);

/// <summary>A back-test's outcome: breaches against the stated rate, with Kupiec's and Christoffersen's tests.</summary>
/// <param name="Model">The margin model.</param>
/// <param name="Confidence">Its confidence; the stated breach rate is 1 − Confidence.</param>
/// <param name="Observations">Non-overlapping h-day periods tested.</param>
/// <param name="Breaches">Periods whose move exceeded the margin, up or down.</param>
/// <param name="Coverage">1 − Breaches/Observations.</param>
/// <param name="Kupiec">Proportion of failures against 1 − Confidence.</param>
/// <param name="Christoffersen">Independence of the breaches.</param>
/// <param name="WorstBreaches">Largest excesses of the move over the margin.</param>
/// <param name="AverageMargin">Mean margin as a share of the price.</param>
public sealed record MarginBacktestResult(MarginModel Model, double Confidence, int Observations, int Breaches, double Coverage, TestStatistic Kupiec,
    TestStatistic Christoffersen, ImmutableArray<BacktestBreach> WorstBreaches, double AverageMargin);

/// <summary>
/// Back-test of a margin model on one price history: every h returns (non-overlapping periods, so the breaches of
/// successive periods share no day) the margin of a one-tonne future is set through the engine from the returns seen so
/// far — the last <see cref="BacktestSettings.LookbackDays"/>, with the ES model the stress period too once it has
/// passed — and the next h returns' move, up or down, is compared with it: the margin covers a long and a short.
/// </summary>
public static class MarginBacktest
{
    /// <summary>Runs the back-test of <paramref name="model"/> on series <paramref name="code"/> of <paramref name="history"/>.</summary>
    /// <exception cref="InvalidInputException">Settings ("horizonDays", "lookbackDays", "confidence", "stressFrom"/"stressTo",
    /// "worstBreaches"); "history.returns[CODE]" when the series is missing or too short for one period after the lookback.</exception>
    public static MarginBacktestResult Run(string code, ReturnHistory history, MarginModel model, BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        if (!history.Returns.TryGetValue(code, out var returns)) Guard.Fail($"history.returns[{code}]", $"no return series for {code}");
        int h = settings.HorizonDays;
        if (returns.Length < settings.LookbackDays + h)
            Guard.Fail($"history.returns[{code}]", $"has {returns.Length} returns: a lookback of {settings.LookbackDays} and one {h}-day period need {settings.LookbackDays + h}");

        var breaches = new List<bool>();
        var excesses = new List<(double Excess, BacktestBreach Breach)>();
        double margins = 0;
        for (int t = settings.LookbackDays - 1; t + h < returns.Length; t += h)
        {
            double margin = MarginAt(code, history, t, model, settings);
            double sum = 0;
            for (int d = t + 1; d <= t + h; d++) sum += returns[d];
            double move = double.ExpM1(sum);
            bool breach = Math.Abs(move) > margin;
            breaches.Add(breach);
            margins += margin;
            if (breach) excesses.Add((Math.Abs(move) - margin, new BacktestBreach(history.Dates[t], history.Dates[t + h], move, margin)));
        }
        int n = breaches.Count, x = breaches.Count(b => b);
        return new MarginBacktestResult(model, settings.Confidence, n, x, 1 - (double)x / n, KupiecTest.Of(n, x, 1 - settings.Confidence),
            ChristoffersenTest.Of(breaches), [.. excesses.OrderByDescending(e => e.Excess).Take(settings.WorstBreaches).Select(e => e.Breach)],
            margins / n);
    }

    /// <summary>The margin of a one-tonne future at price 1 set on date t from the returns up to t: the worse of long and short.</summary>
    private static double MarginAt(string code, ReturnHistory history, int t, MarginModel model, BacktestSettings settings)
    {
        var today = history.Dates[t];
        var delivery = today.AddYears(1);
        var market = new MarketSnapshot(today, new FlatDiscountCurve(0), [new(code, new FuturesCurve(today, [(delivery, 1.0)]))]);
        var fx = FxRates.Single("CCY");
        Portfolio Book(PositionSide side) => new("CCY", [new Position("lot", new AllowanceFuture(code, delivery, 1, "CCY"), 1, side)]);
        var returns = history.Returns[code];
        if (model == MarginModel.Span)
        {
            double range = ScanRangeCalibration.FromHistory(returns.AsSpan(t - settings.LookbackDays + 1, settings.LookbackDays).ToArray(),
                settings.HorizonDays, settings.Confidence);
            var span = new SpanSettings { Underlyings = ImmutableDictionary<string, ScanParameters>.Empty.Add(code, new ScanParameters(range)) };
            return Math.Max(SpanMargin.Compute(Book(PositionSide.Long), market, fx, span).Total,
                SpanMargin.Compute(Book(PositionSide.Short), market, fx, span).Total);
        }
        bool stressPassed = settings.StressTo is { } to && to < today;
        var seen = new ReturnHistory(history.Dates.Take(t + 1), [new(code, [.. returns.Take(t + 1)])]);
        var es = new ExpectedShortfallMarginSettings
        {
            Confidence = settings.Confidence, HorizonDays = settings.HorizonDays, LookbackDays = settings.LookbackDays,
            StressFrom = stressPassed ? settings.StressFrom : null, StressTo = stressPassed ? settings.StressTo : null,
        };
        return Math.Max(ExpectedShortfallMargin.Compute(Book(PositionSide.Long), market, fx, seen, es).Margin,
            ExpectedShortfallMargin.Compute(Book(PositionSide.Short), market, fx, seen, es).Margin);
    }

    private static void Validate(BacktestSettings settings)
    {
        Guard.InRange(settings.HorizonDays, 2, 5, "horizonDays");
        Guard.InRange(settings.LookbackDays, 250, 5000, "lookbackDays");
        Guard.InRange(settings.Confidence, 0.99, 0.997, "confidence");
        Guard.InRange(settings.WorstBreaches, 0, 100, "worstBreaches");
        new ExpectedShortfallMarginSettings { StressFrom = settings.StressFrom, StressTo = settings.StressTo }.Validate();
    }
}

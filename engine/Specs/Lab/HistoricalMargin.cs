using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>Historical margin figures at one confidence: the loss per lot not exceeded on that share of the windows.</summary>
public sealed record HistoricalMarginNeed(double Confidence, double Long, double Short, double EitherSide);

/// <summary>
/// A margin back-test on history, per lot in the spec's currency: every overlapping h-day window of the
/// return series, applied to today's price, is one P&amp;L, lot·F₀·(e^{Σr} − 1) (a long lot; a short lot loses the
/// opposite). Coverage is the share of windows whose loss the initial margin covers; with a daily price limit
/// each day's move is first capped at ±L (the market is limit-locked; the excess is not realised that day).
/// </summary>
/// <param name="Windows">P&amp;L windows.</param>
/// <param name="CoverageLong">Share of windows whose long loss is at most the initial margin; null without one.</param>
/// <param name="CoverageShort">The same for a short lot.</param>
/// <param name="CoverageEitherSide">The same for both sides at once.</param>
/// <param name="CoverageEitherSideWithLimits">Both sides, daily moves capped at the price limit; null without a limit or a margin.</param>
/// <param name="WorstLossLong">Largest long loss per lot in the windows.</param>
/// <param name="WorstLossShort">Largest short loss per lot.</param>
/// <param name="MarginNeeded">Empirical margin needed at each confidence.</param>
public sealed record HistoricalMargin(int Windows, double? CoverageLong, double? CoverageShort, double? CoverageEitherSide,
    double? CoverageEitherSideWithLimits, double WorstLossLong, double WorstLossShort, ImmutableArray<HistoricalMarginNeed> MarginNeeded)
{
    /// <summary>Fewest windows a back-test accepts.</summary>
    public const int MinWindows = 20;

    /// <param name="logReturns">Daily log returns of the underlying, oldest first.</param>
    /// <param name="price">Today's price F₀.</param>
    /// <param name="lotSize">Units per lot.</param>
    /// <param name="horizonDays">Days in a window (the margin period of risk).</param>
    /// <param name="initialMarginPerLot">The spec's initial margin, or null.</param>
    /// <param name="limit">The spec's daily price limit as a fraction, or null.</param>
    /// <param name="confidences">Confidences of the margin needed.</param>
    /// <exception cref="InvalidInputException">"settings.historicalLogReturns" (too few for the horizon) or "[i]" (not finite).</exception>
    public static HistoricalMargin Compute(IReadOnlyList<double> logReturns, double price, double lotSize, int horizonDays,
        double? initialMarginPerLot, double? limit, IReadOnlyList<double> confidences)
    {
        ArgumentNullException.ThrowIfNull(logReturns);
        ArgumentNullException.ThrowIfNull(confidences);
        const string field = "settings.historicalLogReturns";
        for (int i = 0; i < logReturns.Count; i++) Guard.Finite(logReturns[i], $"{field}[{i}]");
        int windows = logReturns.Count - horizonDays + 1;
        if (windows < MinWindows) Guard.Fail(field, $"give at least {MinWindows + horizonDays - 1} returns for {MinWindows} windows of {horizonDays} days, got {logReturns.Count}");

        double[] pnl = WindowPnl(logReturns, price, lotSize, horizonDays, null, windows);
        double Covered(double[] values, int sign) => values.Count(v => -sign * v <= initialMarginPerLot!.Value) / (double)windows;
        double CoveredBoth(double[] values) => values.Count(v => Math.Abs(v) <= initialMarginPerLot!.Value) / (double)windows;
        double? withLimits = initialMarginPerLot is not null && limit is { } l
            ? CoveredBoth(WindowPnl(logReturns, price, lotSize, horizonDays, l, windows))
            : null;
        double[] longLosses = pnl.Select(v => -v).Order().ToArray(), shortLosses = pnl.Order().ToArray(), either = pnl.Select(Math.Abs).Order().ToArray();
        // The margin needed is the loss not exceeded on that share of windows; never below zero.
        double Need(double[] losses, double confidence) => Math.Max(MarginSimulation.Quantile(losses, confidence), 0);
        var needs = confidences.Select(c => new HistoricalMarginNeed(c, Need(longLosses, c), Need(shortLosses, c), Need(either, c))).ToImmutableArray();
        return new HistoricalMargin(windows,
            initialMarginPerLot is null ? null : Covered(pnl, +1), initialMarginPerLot is null ? null : Covered(pnl, -1),
            initialMarginPerLot is null ? null : CoveredBoth(pnl), withLimits, Math.Max(-pnl.Min(), 0), Math.Max(pnl.Max(), 0), needs);
    }

    /// <summary>P&amp;L of a long lot over each window, daily moves capped at ±limit when one is given.</summary>
    private static double[] WindowPnl(IReadOnlyList<double> returns, double price, double lot, int horizon, double? limit, int windows)
    {
        double Daily(double r) => limit is { } l ? Math.Clamp(r, Math.Log(1 - l), Math.Log(1 + l)) : r;
        var pnl = new double[windows];
        for (int w = 0; w < windows; w++)
        {
            double sum = 0;
            for (int d = 0; d < horizon; d++) sum += Daily(returns[w + d]);
            pnl[w] = lot * price * double.ExpM1(sum);
        }
        return pnl;
    }
}

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>
/// The price scan range from history: the <c>quantile</c> of |e^{r_w} − 1| over every overlapping window w of
/// <c>horizonDays</c> daily log returns (the relative move of h days, up or down), the empirical quantile being the
/// ⌈q·n⌉-th smallest of the n windows.
/// </summary>
public static class ScanRangeCalibration
{
    /// <summary>Fewest windows a calibration accepts, and at least 1/(1 − q) so the quantile is inside the sample.</summary>
    public const int MinWindows = 200;

    /// <summary>The scan range.</summary>
    /// <param name="dailyLogReturns">Daily log returns, oldest first.</param>
    /// <param name="horizonDays">Margin period of risk in trading days; in [1, 20].</param>
    /// <param name="quantile">Share of the windows the range covers, in [0.9, 1).</param>
    /// <exception cref="InvalidInputException">"horizonDays", "quantile", "returns" (too few for the windows) or "returns[i]".</exception>
    public static double FromHistory(IReadOnlyList<double> dailyLogReturns, int horizonDays, double quantile)
    {
        ArgumentNullException.ThrowIfNull(dailyLogReturns);
        Guard.InRange(horizonDays, 1, 20, "horizonDays");
        Guard.InRange(quantile, 0.9, 1, "quantile");
        if (quantile >= 1) Guard.Fail("quantile", "must be below 1: the largest move ever seen is not a quantile");
        for (int i = 0; i < dailyLogReturns.Count; i++) Guard.Finite(dailyLogReturns[i], $"returns[{i}]");
        int windows = dailyLogReturns.Count - horizonDays + 1;
        int needed = Math.Max(MinWindows, (int)Math.Ceiling(1 / (1 - quantile)));
        if (windows < needed)
            Guard.Fail("returns", $"give at least {needed + horizonDays - 1} returns for {needed} windows of {horizonDays} days, got {dailyLogReturns.Count}");
        var moves = new double[windows];
        for (int w = 0; w < windows; w++)
        {
            double sum = 0;
            for (int d = 0; d < horizonDays; d++) sum += dailyLogReturns[w + d];
            moves[w] = Math.Abs(double.ExpM1(sum));
        }
        Array.Sort(moves);
        return moves[(int)Math.Ceiling(quantile * windows - 1e-9) - 1];
    }
}

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>
/// Scan ranges from history. Price: the <c>quantile</c> of |e^{r_w} − 1| over every overlapping window w of
/// <c>horizonDays</c> daily log returns (the relative move of h days, up or down). Vol: the quantile of |σ_{t+h} − σ_t|
/// over a daily vol series — implied vols where the desk has them, else the realised vol of a rolling window of returns
/// (<see cref="RealisedVolatilities"/>). The empirical quantile is the ⌈q·n⌉-th smallest of the n windows.
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
        for (int i = 0; i < dailyLogReturns.Count; i++) Guard.Finite(dailyLogReturns[i], $"returns[{i}]");
        int windows = Windows(dailyLogReturns.Count - horizonDays + 1, horizonDays, quantile, "returns", dailyLogReturns.Count, horizonDays - 1);
        var moves = new double[windows];
        for (int w = 0; w < windows; w++)
        {
            double sum = 0;
            for (int d = 0; d < horizonDays; d++) sum += dailyLogReturns[w + d];
            moves[w] = Math.Abs(double.ExpM1(sum));
        }
        return Quantile(moves, quantile);
    }

    /// <summary>The vol scan range: the quantile of the absolute h-day change of a daily vol series.</summary>
    /// <param name="dailyVolatilities">Daily (annualised) vols, oldest first, each &gt;= 0: implied, or <see cref="RealisedVolatilities"/>.</param>
    /// <param name="horizonDays">Margin period of risk in trading days; in [1, 20].</param>
    /// <param name="quantile">Share of the windows the range covers, in [0.9, 1).</param>
    /// <exception cref="InvalidInputException">"horizonDays", "quantile", "volatilities" (too few) or "volatilities[i]".</exception>
    public static double VolScanFromHistory(IReadOnlyList<double> dailyVolatilities, int horizonDays, double quantile)
    {
        ArgumentNullException.ThrowIfNull(dailyVolatilities);
        for (int i = 0; i < dailyVolatilities.Count; i++) Guard.NonNegative(dailyVolatilities[i], $"volatilities[{i}]");
        int windows = Windows(dailyVolatilities.Count - horizonDays, horizonDays, quantile, "volatilities", dailyVolatilities.Count, horizonDays);
        var moves = new double[windows];
        for (int w = 0; w < windows; w++) moves[w] = Math.Abs(dailyVolatilities[w + horizonDays] - dailyVolatilities[w]);
        return Quantile(moves, quantile);
    }

    /// <summary>Annualised realised vols √(periodsPerYear)·s of each rolling window of daily log returns (s the sample
    /// standard deviation, n − 1), one per window ending on each day from the window's last.</summary>
    /// <param name="dailyLogReturns">Daily log returns, oldest first.</param>
    /// <param name="window">Returns per window; in [5, 260].</param>
    /// <param name="periodsPerYear">Trading days a year; in [1, 366].</param>
    /// <exception cref="InvalidInputException">"window", "periodsPerYear", "returns" (shorter than the window) or "returns[i]".</exception>
    public static double[] RealisedVolatilities(IReadOnlyList<double> dailyLogReturns, int window, int periodsPerYear = 252)
    {
        ArgumentNullException.ThrowIfNull(dailyLogReturns);
        Guard.InRange(window, 5, 260, "window");
        Guard.InRange(periodsPerYear, 1, 366, "periodsPerYear");
        for (int i = 0; i < dailyLogReturns.Count; i++) Guard.Finite(dailyLogReturns[i], $"returns[{i}]");
        if (dailyLogReturns.Count < window) Guard.Fail("returns", $"give at least {window} returns for one window, got {dailyLogReturns.Count}");
        var vols = new double[dailyLogReturns.Count - window + 1];
        for (int end = 0; end < vols.Length; end++)
        {
            double mean = 0, squares = 0;
            for (int d = 0; d < window; d++) mean += dailyLogReturns[end + d];
            mean /= window;
            for (int d = 0; d < window; d++) squares += (dailyLogReturns[end + d] - mean) * (dailyLogReturns[end + d] - mean);
            vols[end] = Math.Sqrt(squares / (window - 1) * periodsPerYear);
        }
        return vols;
    }

    /// <summary>
    /// <paramref name="template"/> with its price and vol scan ranges calibrated from one history of daily log returns:
    /// the price scan by <see cref="FromHistory"/>, the vol scan by <see cref="VolScanFromHistory"/> on the returns'
    /// realised vols over <paramref name="volWindow"/> days; every other parameter kept.
    /// </summary>
    /// <exception cref="InvalidInputException">As <see cref="FromHistory"/>, <see cref="VolScanFromHistory"/> and
    /// <see cref="RealisedVolatilities"/> ("window" for <paramref name="volWindow"/>); the template's own fields.</exception>
    public static ScanParameters Calibrate(ScanParameters template, IReadOnlyList<double> dailyLogReturns, int horizonDays, double quantile, int volWindow)
    {
        ArgumentNullException.ThrowIfNull(template);
        double price = FromHistory(dailyLogReturns, horizonDays, quantile);
        double vol = VolScanFromHistory(RealisedVolatilities(dailyLogReturns, volWindow), horizonDays, quantile);
        return template with { PriceScanRange = price, VolScanRange = Math.Min(vol, 2) };
    }

    // Checks the horizon and quantile and that the history gives enough windows (observations beyond the first window: extra).
    private static int Windows(int windows, int horizonDays, double quantile, string field, int count, int extra)
    {
        Guard.InRange(horizonDays, 1, 20, "horizonDays");
        Guard.InRange(quantile, 0.9, 1, "quantile");
        if (quantile >= 1) Guard.Fail("quantile", "must be below 1: the largest move ever seen is not a quantile");
        int needed = Math.Max(MinWindows, (int)Math.Ceiling(1 / (1 - quantile)));
        if (windows < needed)
            Guard.Fail(field, $"give at least {needed + extra} {field} for {needed} windows of {horizonDays} days, got {count}");
        return windows;
    }

    private static double Quantile(double[] moves, double quantile)
    {
        Array.Sort(moves);
        return moves[(int)Math.Ceiling(quantile * moves.Length - 1e-9) - 1];
    }
}

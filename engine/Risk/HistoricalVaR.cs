using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Historical-simulation VaR and ES: each window of <c>horizonDays</c> consecutive daily log returns
/// (overlapping windows) moves every underlying's futures prices by exp(sum of the window's returns) — or, where a
/// delivery has its own series (curve factors), that delivery by its own —
/// and the portfolio is revalued in full with option time advanced by horizonDays/252 years. Each figure
/// carries a moving-block bootstrap standard error (200 resamples, fixed seed: see
/// <see cref="LossQuantiles.BootstrapFigures"/>), the sampling error of a history this long.
/// </summary>
public static class HistoricalVaR
{
    /// <summary>Computes VaR and ES at each of <paramref name="confidences"/>.</summary>
    /// <param name="portfolio">Positions.</param>
    /// <param name="market">Base market.</param>
    /// <param name="fx">FX rates into the reporting currency.</param>
    /// <param name="dailyLogReturns">Daily log returns aligned on the same dates (same length): by underlying code, or by
    /// tenor ("EUA 2026-12-21") for a delivery with its own moves; every delivery the portfolio holds needs one or the other.</param>
    /// <param name="horizonDays">Horizon in trading days; windows of this many returns.</param>
    /// <param name="confidences">Confidence levels in (0, 1).</param>
    /// <param name="riskSettings">The dynamics per underlying (<see cref="RiskSettings.ModelFor"/>).</param>
    /// <exception cref="InvalidInputException">"returns[CODE]" when an underlying's series is missing, of another length,
    /// not finite, or shorter than the horizon; "horizonDays"; "confidences[i]".</exception>
    public static VarResult Compute(Portfolio portfolio, MarketSnapshot market, FxRates fx,
        IReadOnlyDictionary<string, IReadOnlyList<double>> dailyLogReturns, int horizonDays, IReadOnlyList<double> confidences,
        RiskSettings? riskSettings = null)
    {
        ArgumentNullException.ThrowIfNull(dailyLogReturns);
        ArgumentNullException.ThrowIfNull(confidences);
        Guard.InRange(horizonDays, 1, 260, "horizonDays");
        VarSettings.CheckConfidences(confidences, "confidences");
        var revaluation = new PortfolioRevaluation(portfolio, market, fx, riskSettings);
        var series = TenorSeries(revaluation, dailyLogReturns, horizonDays);
        int windows = series.Length == 0 ? 0 : series[0].Count - horizonDays + 1;
        if (windows < 1) Guard.Fail("returns", "no return series: the portfolio holds no position that prices");
        double elapsed = horizonDays / 252.0;
        var pnl = new double[windows];
        var factors = new double[series.Length];
        var zeros = new double[revaluation.Underlyings.Length];
        for (int w = 0; w < windows; w++)
        {
            for (int k = 0; k < series.Length; k++)
            {
                double sum = 0;
                for (int d = 0; d < horizonDays; d++) sum += series[k][w + d];
                factors[k] = Math.Exp(sum);
            }
            pnl[w] = revaluation.ProfitAndLossByTenor(factors, zeros, elapsed);
        }
        return new VarResult(horizonDays, VarMethod.FullRevaluation, windows, LossQuantiles.BootstrapFigures(pnl, confidences, horizonDays),
            pnl.Average(), revaluation.Errors);
    }

    /// <summary>
    /// Each tenor's return series: its own, keyed by the tenor ("EUA 2026-12-21", <see cref="TenorKey.ToString"/>), when
    /// given — curve factors, every delivery moved by its own history — else its underlying's, checked once per code.
    /// </summary>
    private static IReadOnlyList<double>[] TenorSeries(PortfolioRevaluation revaluation, IReadOnlyDictionary<string, IReadOnlyList<double>> returns,
        int horizonDays)
    {
        int length = -1;
        IReadOnlyList<double> Checked(string key, Func<string> missing)
        {
            if (!returns.TryGetValue(key, out var series) || series is null) Guard.Fail($"returns[{key}]", missing());
            if (length >= 0 && series.Count != length)
                Guard.Fail($"returns[{key}]", $"has {series.Count} returns; the series must be aligned on the same {length} dates");
            length = series.Count;
            for (int i = 0; i < series.Count; i++) Guard.Finite(series[i], $"returns[{key}][{i}]");
            if (series.Count < horizonDays) Guard.Fail($"returns[{key}]", $"has {series.Count} returns, fewer than the {horizonDays}-day horizon");
            return series;
        }
        var byCode = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        return [.. revaluation.Tenors.Select(tenor =>
        {
            if (returns.ContainsKey(tenor.ToString())) return Checked(tenor.ToString(), () => "");
            if (!byCode.TryGetValue(tenor.Underlying, out var series))
                byCode[tenor.Underlying] = series = Checked(tenor.Underlying, () =>
                {
                    var held = revaluation.Positions.Where(p => p.Position.Underlying == tenor.Underlying).Select(p => p.Position.Id).Take(3);
                    return $"no return series for {tenor.Underlying} (nor for its tenor {tenor}), held by positions {string.Join(", ", held)}";
                });
            return series;
        })];
    }
}

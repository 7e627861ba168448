using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Historical-simulation VaR and ES: each window of <c>horizonDays</c> consecutive daily log returns
/// (overlapping windows) moves every underlying's futures prices by exp(sum of the window's returns),
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
    /// <param name="dailyLogReturns">Daily log returns by underlying code, aligned on the same dates (same length),
    /// one series for every underlying the portfolio holds.</param>
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
        var codes = revaluation.Underlyings;
        int length = -1;
        var series = new IReadOnlyList<double>[codes.Length];
        for (int u = 0; u < codes.Length; u++)
        {
            if (!dailyLogReturns.TryGetValue(codes[u], out var returns) || returns is null)
            {
                var held = revaluation.Positions.Where(p => p.Position.Underlying == codes[u]).Select(p => p.Position.Id).Take(3);
                Guard.Fail($"returns[{codes[u]}]", $"no return series for {codes[u]}, held by positions {string.Join(", ", held)}");
            }
            if (length >= 0 && returns.Count != length)
                Guard.Fail($"returns[{codes[u]}]", $"has {returns.Count} returns; the series must be aligned on the same {length} dates");
            length = returns.Count;
            for (int i = 0; i < returns.Count; i++) Guard.Finite(returns[i], $"returns[{codes[u]}][{i}]");
            if (returns.Count < horizonDays)
                Guard.Fail($"returns[{codes[u]}]", $"has {returns.Count} returns, fewer than the {horizonDays}-day horizon");
            series[u] = returns;
        }

        int windows = codes.Length == 0 ? 0 : length - horizonDays + 1;
        if (windows < 1) Guard.Fail("returns", "no return series: the portfolio holds no position that prices");
        double elapsed = horizonDays / 252.0;
        var pnl = new double[windows];
        var factors = new double[codes.Length];
        var zeros = new double[codes.Length];
        for (int w = 0; w < windows; w++)
        {
            for (int u = 0; u < codes.Length; u++)
            {
                double sum = 0;
                for (int d = 0; d < horizonDays; d++) sum += series[u][w + d];
                factors[u] = Math.Exp(sum);
            }
            pnl[w] = revaluation.ProfitAndLoss(factors, zeros, elapsed);
        }
        return new VarResult(horizonDays, VarMethod.FullRevaluation, windows, LossQuantiles.BootstrapFigures(pnl, confidences, horizonDays),
            pnl.Average(), revaluation.Errors);
    }
}

using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>The expected-shortfall margin of a portfolio, in the reporting currency.</summary>
/// <param name="Margin">Expected shortfall of the h-day loss (never below 0): the initial margin.</param>
/// <param name="ValueAtRisk">VaR at the same confidence, for comparison.</param>
/// <param name="Windows">P&amp;L windows: those of the lookback and of the stress period.</param>
/// <param name="StressWindows">Windows that end in the stress period.</param>
/// <param name="WorstWindowEnd">Last date of the worst window.</param>
/// <param name="WorstLoss">Loss of the worst window.</param>
/// <param name="Errors">Positions left out, with why.</param>
public sealed record ExpectedShortfallMarginResult(double Margin, double ValueAtRisk, int Windows, int StressWindows, DateOnly WorstWindowEnd,
    double WorstLoss, System.Collections.Immutable.ImmutableArray<PositionError> Errors);

/// <summary>
/// Expected-shortfall initial margin (<see cref="ExpectedShortfallMarginSettings"/>): every window of h consecutive daily
/// returns inside the lookback or inside the stress period (a window never straddles the gap between them) moves each
/// underlying's futures prices by e^{Σr}; the portfolio is revalued in full with option time advanced h/252 years, and the
/// margin is the mean of the ⌈n(1−α)⌉ largest losses.
/// </summary>
public static class ExpectedShortfallMargin
{
    /// <summary>Computes the margin as of the last date of <paramref name="history"/>.</summary>
    /// <exception cref="InvalidInputException">Invalid settings; "history.returns[CODE]" when an underlying the book holds has no
    /// series or fewer returns than the lookback; "stressFrom" when the stress period holds no window in the history.</exception>
    public static ExpectedShortfallMarginResult Compute(Portfolio portfolio, MarketSnapshot market, FxRates fx, ReturnHistory history,
        ExpectedShortfallMarginSettings settings, RiskSettings? riskSettings = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var revaluation = new PortfolioRevaluation(portfolio, market, fx, riskSettings);
        var codes = revaluation.Underlyings;
        foreach (string code in codes)
            if (!history.Returns.ContainsKey(code))
                Guard.Fail($"history.returns[{code}]", $"no return series for {code}, which the portfolio holds");
        if (history.Length < settings.LookbackDays)
            Guard.Fail(codes.IsEmpty ? "history" : $"history.returns[{codes[0]}]",
                $"has {history.Length} daily returns, fewer than the lookback of {settings.LookbackDays} days");

        int h = settings.HorizonDays, n = history.Length;
        var inWindow = new bool[n];
        for (int i = n - settings.LookbackDays; i < n; i++) inWindow[i] = true;
        var inStress = history.Dates.Select(d => d >= settings.StressFrom && d <= settings.StressTo).ToArray();
        var ends = new List<int>();
        int stressWindows = 0;
        for (int end = h - 1; end < n; end++)
        {
            bool lookback = true, stress = true;
            for (int d = end - h + 1; d <= end; d++) { lookback &= inWindow[d]; stress &= inStress[d]; }
            if (lookback || stress) ends.Add(end);
            if (stress) stressWindows++;
        }
        if (settings.StressFrom is not null && stressWindows == 0)
            Guard.Fail("stressFrom", $"the stress period {settings.StressFrom:yyyy-MM-dd}..{settings.StressTo:yyyy-MM-dd} holds no {h}-day window of the history " +
                $"({history.Dates[0]:yyyy-MM-dd}..{history.Dates[^1]:yyyy-MM-dd})");

        var series = codes.Select(c => history.Returns[c]).ToArray();
        var factors = new double[codes.Length];
        var zeros = new double[codes.Length];
        var pnl = new double[ends.Count];
        for (int w = 0; w < pnl.Length; w++)
        {
            for (int u = 0; u < codes.Length; u++)
            {
                double sum = 0;
                for (int d = ends[w] - h + 1; d <= ends[w]; d++) sum += series[u][d];
                factors[u] = Math.Exp(sum);
            }
            pnl[w] = revaluation.ProfitAndLoss(factors, zeros, h / 252.0);
        }
        if (pnl.Length == 0) return new(0, 0, 0, 0, history.Dates[^1], 0, revaluation.Errors);
        var (valueAtRisk, shortfall) = LossQuantiles.Of(pnl, settings.Confidence);
        int worst = Array.IndexOf(pnl, pnl.Min());
        return new ExpectedShortfallMarginResult(Math.Max(shortfall, 0), valueAtRisk, pnl.Length, stressWindows, history.Dates[ends[worst]],
            -pnl[worst], revaluation.Errors);
    }
}

using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Applies stress scenarios by full revaluation (closed forms: Black-76, or the Merton series for
/// underlyings with jumps in the settings): each delivery's futures price multiplied by (1 + shock)·(1 + slope·T),
/// every vol shifted by the scenario's vol shock, option time advanced by the scenario's days; a scenario that reshapes the
/// smile (skew or smile shock) revalues on the reshaped surfaces.
/// </summary>
public static class StressTester
{
    /// <summary>Runs <paramref name="scenarios"/> (e.g. <see cref="StressCatalogue.Historical"/> plus user-defined ones).</summary>
    /// <exception cref="InvalidInputException">"scenarios" when empty; "scenarios[i].*" when a scenario is invalid.</exception>
    public static StressReport Run(Portfolio portfolio, MarketSnapshot market, FxRates fx, IEnumerable<StressScenario> scenarios,
        RiskSettings? settings = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var list = scenarios.ToList();
        if (list.Count == 0) Guard.Fail("scenarios", "must contain at least one scenario");
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is null) Guard.Fail($"scenarios[{i}]", "must not be null");
            list[i].Validate($"scenarios[{i}]");
        }

        var revaluation = new PortfolioRevaluation(portfolio, market, fx, settings);
        var codes = revaluation.Underlyings;
        var years = revaluation.Tenors.Select(t => market.TimeTo(t.Delivery)).ToArray();
        var results = ImmutableArray.CreateBuilder<StressResult>(list.Count);
        foreach (var scenario in list)
        {
            cancellation.ThrowIfCancellationRequested();
            var factors = revaluation.Tenors.Select((t, k) => scenario.FactorFor(t.Underlying, years[k])).ToArray();
            var vols = codes.Select(_ => scenario.VolShock).ToArray();
            var split = new double[codes.Length];
            double pnl = scenario.ShocksTheSmile
                ? Reshaped(portfolio, market, fx, settings, scenario, revaluation, split)
                : revaluation.ProfitAndLossByTenor(factors, vols, scenario.Days / 365.0, split);
            results.Add(new StressResult(scenario, pnl,
                codes.Select((c, u) => (c, u)).ToImmutableSortedDictionary(x => x.c, x => split[x.u], StringComparer.Ordinal)));
        }
        return new StressReport(results.MoveToImmutable(), revaluation.Errors);
    }

    /// <summary>
    /// A scenario that reshapes the smile is other market data: the book revalued on the reshaped surfaces with the scenario's
    /// moves, against its base value on today's. <paramref name="split"/> by underlying of <paramref name="today"/>.
    /// </summary>
    private static double Reshaped(Portfolio portfolio, MarketSnapshot market, FxRates fx, RiskSettings? settings, StressScenario scenario,
        PortfolioRevaluation today, Span<double> split)
    {
        var reshaped = new PortfolioRevaluation(portfolio, scenario.ReshapedSmile(market), fx, settings);
        var codes = reshaped.Underlyings;
        var factors = reshaped.Tenors.Select(t => scenario.FactorFor(t.Underlying, market.TimeTo(t.Delivery))).ToArray();
        var vols = codes.Select(_ => scenario.VolShock).ToArray();
        var moves = new double[codes.Length];
        reshaped.ProfitAndLossByTenor(factors, vols, scenario.Days / 365.0, moves);
        var reshapedBase = reshaped.BaseValues();
        var todayBase = today.BaseValues();
        for (int u = 0; u < today.Underlyings.Length; u++)
        {
            int r = codes.IndexOf(today.Underlyings[u]);
            split[u] = r < 0 ? 0 : moves[r] + reshapedBase[r] - todayBase[u];
        }
        double total = 0;
        foreach (double x in split) total += x;
        return total;
    }
}

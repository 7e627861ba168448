using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Scenario ladders: full revaluation of the portfolio (closed forms: Black-76, or the Merton series for
/// underlyings with jumps in the settings) on a grid of relative futures-price shocks × absolute vol
/// shifts, the same shock on every underlying and delivery, time held at the valuation date; optionally the whole grid on a
/// reshaped smile (skew and smile shocks as in <see cref="StressScenario"/>), its P&amp;L against today's surface.
/// </summary>
public static class ScenarioLadder
{
    /// <summary>Standard grid of price shocks: −50% to +50% in steps of 10%.</summary>
    public static ImmutableArray<double> StandardPriceShocks { get; } = [.. Enumerable.Range(-5, 11).Select(i => i / 10.0)];

    /// <summary>Runs the ladder: its rows (<see cref="Prepare"/>) on this node's cores.</summary>
    /// <param name="portfolio">Positions.</param>
    /// <param name="market">Base market.</param>
    /// <param name="fx">FX rates into the reporting currency.</param>
    /// <param name="priceShocks">Relative shocks; each &gt; −1 and finite; not empty.</param>
    /// <param name="volShocks">Absolute vol shifts; finite; not empty (use [0] for none). Vols are floored at 0.</param>
    /// <param name="settings">The dynamics per underlying (<see cref="RiskSettings.ModelFor"/>).</param>
    /// <param name="progress">Optional fraction of rows done.</param>
    /// <param name="cancellation">Checked between rows.</param>
    /// <param name="skewShock">Vol shift per unit of ln(K/F) applied to every cell (<see cref="StressScenario.SkewShock"/>).</param>
    /// <param name="smileShock">Vol shift per unit of ln(K/F)² applied to every cell.</param>
    /// <exception cref="InvalidInputException">"priceShocks" / "volShocks" when empty, or
    /// "priceShocks[i]" / "volShocks[j]" when out of range; "skewShock" / "smileShock" when not finite.</exception>
    public static ScenarioLadderResult Run(Portfolio portfolio, MarketSnapshot market, FxRates fx, IReadOnlyList<double> priceShocks,
        IReadOnlyList<double> volShocks, RiskSettings? settings = null, IProgress<double>? progress = null,
        CancellationToken cancellation = default, double skewShock = 0, double smileShock = 0) =>
        Prepare(portfolio, market, fx, priceShocks, volShocks, settings, skewShock, smileShock).Run(progress, cancellation);

    /// <summary>The ladder checked and ready to run, a row per block: its rows may run anywhere, in any cut (<see cref="ScenarioLadderJob.Run"/> runs them all here).</summary>
    /// <exception cref="InvalidInputException">As <see cref="Run"/>.</exception>
    public static ScenarioLadderJob Prepare(Portfolio portfolio, MarketSnapshot market, FxRates fx, IReadOnlyList<double> priceShocks,
        IReadOnlyList<double> volShocks, RiskSettings? settings = null, double skewShock = 0, double smileShock = 0)
    {
        Guard.Finite(skewShock, "skewShock");
        Guard.Finite(smileShock, "smileShock");
        ArgumentNullException.ThrowIfNull(priceShocks);
        ArgumentNullException.ThrowIfNull(volShocks);
        if (priceShocks.Count == 0) Guard.Fail("priceShocks", "the shock grid is empty: give at least one price shock");
        if (volShocks.Count == 0) Guard.Fail("volShocks", "the shock grid is empty: give at least one vol shock (0 for none)");
        for (int i = 0; i < priceShocks.Count; i++)
            if (!(priceShocks[i] > -1) || !double.IsFinite(priceShocks[i]))
                Guard.Fail($"priceShocks[{i}]", $"must be a finite relative shock greater than -1 (-100%), got {priceShocks[i]}");
        for (int j = 0; j < volShocks.Count; j++) Guard.Finite(volShocks[j], $"volShocks[{j}]");

        var today = new PortfolioRevaluation(portfolio, market, fx, settings);
        var revaluation = today;
        var shape = new StressScenario("ladder smile", "", ImmutableDictionary<string, double>.Empty, SkewShock: skewShock, SmileShock: smileShock);
        if (shape.ShocksTheSmile) revaluation = new PortfolioRevaluation(portfolio, shape.ReshapedSmile(market), fx, settings);
        var reshapedBase = revaluation.BaseValues();
        var todayBase = today.BaseValues();
        double[] baseMove = [.. revaluation.Underlyings.Select((code, u) =>
            reshapedBase[u] - (today.Underlyings.IndexOf(code) is var t and >= 0 ? todayBase[t] : 0))];
        return new ScenarioLadderJob(revaluation, [.. priceShocks], [.. volShocks], baseMove, shape.ShocksTheSmile);
    }
}

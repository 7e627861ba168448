using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a <see cref="ResolvedSpreadOption"/> per lot, discounted, in the option currency: in closed form
/// (Margrabe when K = 0, Kirk otherwise) or by Monte Carlo on correlated Black-76 or Merton legs
/// (<see cref="CorrelatedFuturesModel"/>: diffusions correlated, jumps independent per leg).
/// </summary>
public static class SpreadOptionPricer
{
    /// <summary>Margrabe (exact) when the strike is 0, Kirk's approximation otherwise.</summary>
    public static SpreadPrice PriceAnalytic(ResolvedSpreadOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double a = option.Leg1.WeightedForward, b = option.Leg2.WeightedForward;
        double sigma1 = option.Leg1.Volatility, sigma2 = option.Leg2.Volatility;
        double scale = option.LotSize;
        return option.Strike == 0
            ? new SpreadPrice(scale * Margrabe.Price(option.Type, a, b, option.Expiry, sigma1, sigma2, option.Correlation, option.DiscountFactor), "margrabe")
            : new SpreadPrice(scale * Kirk.Price(option.Type, a, b, option.Strike, option.Expiry, sigma1, sigma2, option.Correlation, option.DiscountFactor), "kirk");
    }

    /// <summary>
    /// Present value of one long lot by Monte Carlo, with its standard error. The control variate (when
    /// enabled in <paramref name="settings"/>) is the terminal spread, whose mean Σ wᵢFᵢ is exact.
    /// </summary>
    /// <param name="option">The resolved option; expiry &gt; 0 and |ρ| &lt; 1.</param>
    /// <param name="jumps">Jumps of leg 1 and leg 2 (either may be null), or null for Black-76 legs.</param>
    /// <param name="steps">Time steps to expiry (each leg's step is exact, so 1 suffices for a European payoff).</param>
    /// <param name="settings">Paths, seed, variance reduction.</param>
    /// <param name="limits">Server limits; <see cref="SimulationLimits.Default"/> when null.</param>
    /// <param name="cancellation">Stops the simulation within milliseconds.</param>
    /// <exception cref="InvalidInputException">"expiry" (0), "jumps" (not two entries), "correlation[1][0]" (|ρ| = 1), settings fields.</exception>
    public static MonteCarloEstimate PriceMonteCarlo(ResolvedSpreadOption option, IReadOnlyList<LogNormalJumps?>? jumps, int steps,
        MonteCarloSettings settings, SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        var model = Model(option, jumps);
        return MonteCarloSimulator.Run(model, Grid(option, steps), EuropeanPayoff.OnSpread(option.Type, option.Strike), settings, limits, cancellation)
            .Scale(option.DiscountFactor * option.LotSize);
    }

    /// <summary>The two-leg model of <paramref name="option"/>: weights +w₁ and −w₂.</summary>
    internal static CorrelatedFuturesModel Model(ResolvedSpreadOption option, IReadOnlyList<LogNormalJumps?>? jumps)
    {
        if (jumps is not null && jumps.Count != 2) Guard.Fail("jumps", $"must give one entry (or null) per leg, 2 in all, got {jumps.Count}");
        var legs = new[]
        {
            new FuturesLeg(option.Leg1.Forward, option.Leg1.Volatility, option.Leg1.Weight, jumps?[0]),
            new FuturesLeg(option.Leg2.Forward, option.Leg2.Volatility, -option.Leg2.Weight, jumps?[1]),
        };
        return new CorrelatedFuturesModel(legs, new[,] { { 1, option.Correlation }, { option.Correlation, 1 } });
    }

    internal static TimeGrid Grid(ResolvedSpreadOption option, int steps)
    {
        if (option.Expiry <= 0) Guard.Fail("expiry", "the option expires today: its value is the discounted intrinsic value, no simulation needed");
        return TimeGrid.Uniform(option.Expiry, steps);
    }
}

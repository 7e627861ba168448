using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a <see cref="ResolvedFuturesOption"/> by Monte Carlo under Black-76 (the resolved forward and
/// volatility) or under Merton jump-diffusion (the resolved forward, the resolved volatility as the
/// diffusion part, and the given jumps). Figures are per lot in the option's currency, discounted
/// to today, with their standard error; the closed forms are <see cref="Black76OptionPricer"/> and
/// <see cref="MertonJumpDiffusion"/>.
/// </summary>
public static class MonteCarloFuturesOptionPricer
{
    /// <summary>Present value of one long lot under Black-76 dynamics.</summary>
    public static MonteCarloEstimate PriceBlack76(ResolvedFuturesOption option, int steps, MonteCarloSettings settings,
        SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        return Price(option, new Black76Model(option.Forward, option.Volatility), steps, settings, limits, cancellation);
    }

    /// <summary>Present value of one long lot under Merton jump-diffusion with <paramref name="jumps"/>.</summary>
    public static MonteCarloEstimate PriceMerton(ResolvedFuturesOption option, LogNormalJumps jumps, int steps,
        MonteCarloSettings settings, SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(jumps);
        return Price(option, new MertonJumpDiffusionModel(option.Forward, option.Volatility, jumps), steps, settings, limits, cancellation);
    }

    /// <summary>Present value of one long lot under <paramref name="model"/>, whose initial price must be the option's forward.</summary>
    internal static MonteCarloEstimate Price(ResolvedFuturesOption option, IPathModel model, int steps, MonteCarloSettings settings,
        SimulationLimits? limits, CancellationToken cancellation)
    {
        if (option.Expiry <= 0) Guard.Fail("expiry", "the option expires today: its value is the discounted intrinsic value, no simulation needed");
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(option.Expiry, steps), new EuropeanPayoff(option.Type, option.Strike),
            settings, limits, cancellation);
        return estimate.Scale(option.DiscountFactor * option.LotSize);
    }
}

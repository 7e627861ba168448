using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a European option on a price subject to daily limits (China CEA, <see cref="PriceLimitModel"/>)
/// by Monte Carlo on a grid of one step per trading session, beside the same option without limits on the
/// same paths. Figures are per lot in the option's currency, discounted with the option's discount factor.
/// A control variate is refused: the mean of the limited settlement price has no closed form.
/// </summary>
public static class PriceLimitPricer
{
    /// <param name="option">The resolved option; it pays on the settlement price at expiry.</param>
    /// <param name="model">Dynamics of the fundamental price; its initial price must be the option's forward.</param>
    /// <param name="limit">Largest relative settlement move per session, in (0, 1) (0.10 for CEA).</param>
    /// <param name="tradingDays">Trading sessions from today to expiry (the grid's steps); &gt;= 1.</param>
    /// <param name="settings">Paths and seed, shared by both valuations; ControlVariate must be off.</param>
    /// <param name="limits">Server bounds for each of the two simulations.</param>
    /// <param name="cancellation">Stops either simulation within milliseconds.</param>
    /// <exception cref="InvalidInputException">"limit", "tradingDays", "expiry", "settings.controlVariate", settings fields.</exception>
    public static PriceLimitValuation Price(ResolvedFuturesOption option, IPathModel model, double limit, int tradingDays,
        MonteCarloSettings settings, SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        var withLimits = PriceWithLimits(option, model, limit, tradingDays, settings, limits, cancellation);
        var withoutLimits = MonteCarloFuturesOptionPricer.Price(option, model, tradingDays, settings, limits, cancellation);
        return new PriceLimitValuation(withLimits, withoutLimits);
    }

    /// <summary>The value with limits only (what <see cref="Price"/> reports first), e.g. for revaluation Greeks.</summary>
    /// <exception cref="InvalidInputException">As <see cref="Price"/>.</exception>
    public static MonteCarloEstimate PriceWithLimits(ResolvedFuturesOption option, IPathModel model, double limit, int tradingDays,
        MonteCarloSettings settings, SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var limited = new PriceLimitModel(model, limit);
        Guard.InRange(tradingDays, 1, int.MaxValue, "tradingDays");
        if (settings.ControlVariate)
            Guard.Fail("settings.controlVariate", "is not available under daily price limits: the expected settlement price has no closed form");
        return MonteCarloFuturesOptionPricer.Price(option, limited, tradingDays, settings, limits, cancellation);
    }

    /// <summary><see cref="Price"/> with a Black-76 fundamental (the option's forward and volatility).</summary>
    public static PriceLimitValuation PriceBlack76(ResolvedFuturesOption option, double limit, int tradingDays,
        MonteCarloSettings settings, SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        return Price(option, new Black76Model(option.Forward, option.Volatility), limit, tradingDays, settings, limits, cancellation);
    }
}

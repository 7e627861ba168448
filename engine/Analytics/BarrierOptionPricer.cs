using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a <see cref="ResolvedBarrierOption"/>. Every figure is per lot in the option's currency,
/// discounted from expiry: LotSize × the per-tonne value.
/// </summary>
public static class BarrierOptionPricer
{
    /// <summary>
    /// Analytic value of one long lot under Black-76: the Reiner–Rubinstein closed form for continuous
    /// monitoring, and with discrete monitoring the Broadie–Glasserman–Kou shifted closed form with Δt
    /// the mean spacing of the monitoring times (<see cref="ReinerRubinsteinBarrier"/>).
    /// </summary>
    public static double PriceAnalytic(ResolvedBarrierOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double perTonne = option.IsContinuous
            ? ReinerRubinsteinBarrier.PriceContinuous(option)
            : ReinerRubinsteinBarrier.PriceDiscrete(option, option.Expiry / option.MonitoringTimes.Length);
        return option.LotSize * perTonne;
    }

    /// <summary>Monte Carlo value of one long lot under Black-76 with the option's forward and volatility.</summary>
    public static MonteCarloEstimate PriceBlack76(ResolvedBarrierOption option, MonteCarloSettings settings,
        SimulationLimits? limits = null, CancellationToken cancellation = default, int? steps = null)
    {
        ArgumentNullException.ThrowIfNull(option);
        return PriceMonteCarlo(option, new Black76Model(option.Forward, option.Volatility), settings, limits, cancellation, steps);
    }

    /// <summary>
    /// Monte Carlo value of one long lot with the futures price simulated by <paramref name="model"/>
    /// (initial price = the option's forward). Discrete monitoring: the grid is the monitoring times, any
    /// model. Continuous monitoring: a uniform grid of <paramref name="steps"/> steps (default one per
    /// business day, ⌈252·T⌉) with the Brownian-bridge crossing probability between steps; it needs a
    /// <see cref="Black76Model"/>, whose bridge is exact (the estimate is unbiased for any step count).
    /// </summary>
    /// <exception cref="InvalidInputException">"expiry" at expiry (nothing to simulate), "model" for continuous
    /// monitoring with a non-lognormal model, "steps" out of range, settings and budget errors.</exception>
    public static MonteCarloEstimate PriceMonteCarlo(ResolvedBarrierOption option, IPathModel model, MonteCarloSettings settings,
        SimulationLimits? limits = null, CancellationToken cancellation = default, int? steps = null)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(model);
        if (option.Expiry <= 0) Guard.Fail("expiry", "the option expires today: its value is known, no simulation needed");

        TimeGrid grid;
        double[]? bridgeVariances = null;
        if (!option.IsContinuous) grid = new TimeGrid(option.MonitoringTimes.ToArray());
        else
        {
            var black = model as Black76Model ?? throw new InvalidInputException("model",
                "continuous monitoring uses the lognormal Brownian bridge: it needs a Black-76 model; use daily monitoring for other models");
            grid = TimeGrid.Uniform(option.Expiry, Guard.InRange(steps ?? Math.Max(1, (int)Math.Ceiling(252 * option.Expiry)), 1, int.MaxValue, "steps"));
            double variance = black.Volatility * black.Volatility;
            bridgeVariances = grid.Steps.ToArray().Select(dt => variance * dt).ToArray();
        }

        var payoff = new BarrierPayoff(option.Type, option.Strike, option.Direction, option.Knock, option.Barrier, option.Rebate,
            model.InitialPrice, bridgeVariances);
        return MonteCarloSimulator.Run(model, grid, payoff, settings, limits, cancellation)
            .Scale(option.DiscountFactor * option.LotSize);
    }
}

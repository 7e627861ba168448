using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a <see cref="ResolvedAsianOption"/>. Every figure is per lot in the option's currency,
/// discounted to today from settlement (the last fixing): LotSize × DF × the undiscounted per-tonne value.
/// </summary>
public static class AsianOptionPricer
{
    /// <summary>
    /// Fast analytic value of one long lot under Black-76: exact for a geometric average
    /// (<see cref="DiscreteGeometricAsian"/>), the Turnbull–Wakeman approximation for an arithmetic one
    /// (<see cref="TurnbullWakemanAsian"/>).
    /// </summary>
    public static double PriceAnalytic(ResolvedAsianOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double perTonne = option.Average == AverageKind.Geometric
            ? DiscreteGeometricAsian.Price(option)
            : TurnbullWakemanAsian.Price(option);
        return option.LotSize * perTonne;
    }

    /// <summary>Monte Carlo value of one long lot under Black-76 with the option's forward and volatility.</summary>
    public static MonteCarloEstimate PriceBlack76(ResolvedAsianOption option, MonteCarloSettings settings,
        SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        return PriceMonteCarlo(option, new Black76Model(option.Forward, option.Volatility), settings, limits, cancellation);
    }

    /// <summary>
    /// Monte Carlo value of one long lot with the futures price simulated by <paramref name="model"/>
    /// (whose initial price should be the option's forward). The grid is the remaining fixing times, each
    /// interval cut into <paramref name="stepsPerFixingInterval"/> equal steps; the average is read only
    /// at the fixing steps. With <see cref="MonteCarloSettings.ControlVariate"/>, an arithmetic option
    /// under a <see cref="Black76Model"/> uses the geometric-average option (exact mean from
    /// <see cref="DiscreteGeometricAsian"/> with the model's volatility) as control; otherwise the
    /// arithmetic average with its mean from the model's expected prices.
    /// </summary>
    /// <exception cref="InvalidInputException">"fixingTimes" when every fixing is past (the value is known:
    /// use <see cref="PriceAnalytic"/>), "stepsPerFixingInterval" outside [1, 10000], settings and budget errors.</exception>
    public static MonteCarloEstimate PriceMonteCarlo(ResolvedAsianOption option, IPathModel model, MonteCarloSettings settings,
        SimulationLimits? limits = null, CancellationToken cancellation = default, int stepsPerFixingInterval = 1)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(model);
        Guard.InRange(stepsPerFixingInterval, 1, 10_000, "stepsPerFixingInterval");
        if (option.FixingTimes.Length == 0)
            Guard.Fail("fixingTimes", "every fixing is past: the value is known, no simulation needed");

        var (grid, fixingSteps) = FixingGrid(option.FixingTimes, stepsPerFixingInterval);
        double? geometricControlMean = option.Average == AverageKind.Arithmetic && model is Black76Model black
            ? DiscreteGeometricAsian.PriceUnchecked(option.Type, black.InitialPrice, option.Strike, option.FixingTimes,
                option.PastLogSum, option.FixingCount, black.Volatility, discountFactor: 1.0)
            : null;
        var payoff = new AveragePricePayoff(option.Type, option.Strike, option.Average, fixingSteps,
            option.PastFixings.ToArray(), geometricControlMean);
        return MonteCarloSimulator.Run(model, grid, payoff, settings, limits, cancellation)
            .Scale(option.DiscountFactor * option.LotSize);
    }

    /// <summary>The fixing times, each interval from the previous one (or 0) cut into equal steps, and the
    /// indices of the steps that end on a fixing.</summary>
    private static (TimeGrid Grid, int[] FixingSteps) FixingGrid(ReadOnlySpan<double> fixingTimes, int stepsPerInterval)
    {
        var times = new double[fixingTimes.Length * stepsPerInterval];
        var fixingSteps = new int[fixingTimes.Length];
        double previous = 0;
        for (int k = 0; k < fixingTimes.Length; k++)
        {
            for (int j = 1; j <= stepsPerInterval; j++)
                times[k * stepsPerInterval + j - 1] = previous + (fixingTimes[k] - previous) * j / stepsPerInterval;
            fixingSteps[k] = (k + 1) * stepsPerInterval - 1;
            times[fixingSteps[k]] = fixingTimes[k]; // exactly the fixing time, whatever the rounding above
            previous = fixingTimes[k];
        }
        return (new TimeGrid(times), fixingSteps);
    }
}

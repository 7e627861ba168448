using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing.ClosedForms;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// Average-price options by Monte Carlo under any model: the grid is the remaining fixing times, each interval cut
/// into <see cref="GridSettings.StepsPerFixing"/> steps, the average read at the fixing steps only. Control variate:
/// under Black-76 an arithmetic option uses the geometric-average option (its exact price from
/// <see cref="DiscreteGeometricAsian"/>), otherwise the arithmetic average with its mean from the model. Greeks by
/// CRN revaluation.
/// </summary>
internal static class AsianSimulation
{
    public static SimulatedPlan Plan(ResolvedAsianOption option, ValuationModel model, PricingInputs inputs, string currency)
    {
        var plan = new RevaluationPlan(s =>
        {
            var o = option.Shifted(s);
            return new ShiftedRun((o.Forward, o.Volatility, s.TimeShift), () => Group(o, model, inputs.Grid.StepsPerFixing), o.DiscountFactor * o.LotSize);
        });
        return plan.Build(inputs, option.Forward, option.Volatility, Black76AsianPricer.MaxTimeShift(option), RevaluationGreeks.Bumps.MonteCarlo,
            currency, PathModels.MethodName(model));
    }

    /// <summary>The simulation of one (shifted) option: per tonne, undiscounted.</summary>
    public static SimulationGroup Group(ResolvedAsianOption option, ValuationModel model, int stepsPerFixingInterval)
    {
        var pathModel = PathModels.For(model, option.Forward, option.Volatility, option.Delivery, option.Expiry);
        var (grid, fixingSteps) = FixingGrid(option.FixingTimes, stepsPerFixingInterval);
        double? geometricControlMean = option.Average == AverageKind.Arithmetic && pathModel is Black76Model black
            ? DiscreteGeometricAsian.PriceUnchecked(option.Type, black.InitialPrice, option.Strike, option.FixingTimes,
                option.PastLogSum, option.FixingCount, black.Volatility, discountFactor: 1.0)
            : null;
        var payoff = new AveragePricePayoff(option.Type, option.Strike, option.Average, fixingSteps, option.PastFixings.ToArray(), geometricControlMean);
        return new SimulationGroup(pathModel, grid, payoff);
    }

    /// <summary>The fixing times, each interval from the previous one (or 0) cut into equal steps, and the indices of the steps that end on a fixing.</summary>
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

using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Pricing.ClosedForms;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.EarlyExercise;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// Futures options simulated on the model's own price paths, with Greeks by CRN revaluation: European options
/// under Schwartz or compliance dynamics (the Black–Merton vega identity does not hold there), American and
/// Bermudan options by Longstaff–Schwartz, and European options under a daily price limit beside their limit-free
/// value on the same paths.
/// </summary>
internal static class FuturesOptionSimulation
{
    /// <summary>A European option on the model's paths (one exact step to expiry).</summary>
    public static SimulatedPlan European(ResolvedFuturesOption option, ValuationModel model, PricingInputs inputs, string currency)
    {
        var plan = new RevaluationPlan(s =>
        {
            var o = option.Shifted(s);
            return new ShiftedRun((o.Forward, o.Volatility, o.Expiry), () => new SimulationGroup(
                PathModels.For(model, o.Forward, o.Volatility, o.Delivery, o.Expiry), TimeGrid.Uniform(o.Expiry, 1), new EuropeanPayoff(o.Type, o.Strike)),
                o.DiscountFactor * o.LotSize);
        });
        return plan.Build(inputs, option.Forward, option.Volatility, option.Expiry / 2, RevaluationGreeks.Bumps.MonteCarlo, currency,
            PathModels.MethodName(model));
    }

    /// <summary>
    /// An American or Bermudan option by Longstaff–Schwartz: per revaluation, a training pass fits the exercise
    /// boundary and a pricing group applies it (out of sample, low-biased, honest SE).
    /// </summary>
    public static SimulatedPlan LongstaffSchwartz(ResolvedFuturesOption option, ValuationModel model, PricingInputs inputs, string currency,
        CancellationToken cancellation)
    {
        int steps = inputs.Grid.ExerciseSteps;
        var plan = new RevaluationPlan(s =>
        {
            var o = option.Shifted(s);
            return new ShiftedRun(s, () =>
            {
                var pathModel = PathModels.For(model, o.Forward, o.Volatility, o.Delivery, o.Expiry);
                var schedule = ExerciseGrid.Create(o.Expiry, steps, o.Exercise, o.DiscountFactor);
                var boundary = LongstaffSchwartzTraining.Train(o.Type, o.Strike, schedule, pathModel, inputs.MonteCarlo, inputs.Limits, cancellation);
                return new SimulationGroup(pathModel, schedule.Grid,
                    new LongstaffSchwartzPayoff(o.Type, o.Strike, schedule.ExerciseOfStep, schedule.GrowthToExpiry, boundary));
            }, o.DiscountFactor * o.LotSize);
        });
        return plan.Build(inputs, option.Forward, option.Volatility, BinomialTreePricer.MaxTimeShift(option), RevaluationGreeks.Bumps.MonteCarlo,
            currency, PathModels.MethodName(model, "longstaff-schwartz"));
    }

    /// <summary>
    /// A European option under a daily price limit: the limit-locked settlement (<see cref="PriceLimitModel"/>) on one
    /// step per session, and the same option without limits on the same paths (<see cref="Figure.WithoutLimits"/>).
    /// </summary>
    /// <exception cref="InvalidInputException">"monteCarlo.controlVariate": the expected settlement has no closed form.</exception>
    public static SimulatedPlan PriceLimited(ResolvedFuturesOption option, ValuationModel model, PricingInputs inputs, string currency)
    {
        var limit = option.PriceLimit!;
        if (inputs.MonteCarlo.ControlVariate)
            Guard.Fail("monteCarlo.controlVariate", "is not available under daily price limits: the expected settlement price has no closed form");
        SimulationGroup Group(ResolvedFuturesOption o, bool limited)
        {
            var pathModel = PathModels.For(model, o.Forward, o.Volatility, o.Delivery, o.Expiry);
            return new SimulationGroup(limited ? new PriceLimitModel(pathModel, limit.Fraction) : pathModel, TimeGrid.Uniform(o.Expiry, limit.Sessions),
                new EuropeanPayoff(o.Type, o.Strike));
        }
        var plan = new RevaluationPlan(s =>
        {
            var o = option.Shifted(s);
            return new ShiftedRun((o.Forward, o.Volatility, o.Expiry), () => Group(o, limited: true), o.DiscountFactor * o.LotSize);
        });
        int free = plan.Add(Group(option, limited: false));
        var extra = new Dictionary<Figure, FigureMeasure>
        {
            [Figure.WithoutLimits] = new(Measure.Of(free, PayoffOutput.Value, option.DiscountFactor * option.LotSize), GreekMethod.MonteCarlo),
        };
        return plan.Build(inputs, option.Forward, option.Volatility, option.Expiry / 2, RevaluationGreeks.Bumps.MonteCarlo, currency,
            PathModels.MethodName(model, "monte-carlo-price-limits"), extra);
    }
}

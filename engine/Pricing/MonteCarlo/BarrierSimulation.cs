using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing.ClosedForms;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// Barrier options by Monte Carlo. Daily monitoring: the grid is the monitoring times, any model. Continuous
/// monitoring: a uniform grid (<see cref="GridSettings.BarrierSteps"/>, by default one step per business day) with
/// the Brownian-bridge crossing probability between steps, under Black-76 (exact) or local volatility (each path's bridge
/// with the variance its step was drawn with: exact for the simulated scheme). Greeks by CRN revaluation,
/// the forward bump kept inside the barrier.
/// </summary>
internal static class BarrierSimulation
{
    public static SimulatedPlan Plan(ResolvedBarrierOption option, ValuationModel model, PricingInputs inputs, string currency)
    {
        if (option.IsContinuous && model is not (Black76Dynamics or LocalVolatilityDynamics))
            PathModels.Refuse("continuous barriers are simulated with the Brownian-bridge crossing probability, known under Black-76 and local volatility only: use daily monitoring");
        int steps = inputs.Grid.BarrierSteps ?? Math.Max(1, (int)Math.Ceiling(252 * option.Expiry));
        var plan = new RevaluationPlan(s =>
        {
            var o = option.Shifted(s);
            return new ShiftedRun((o.Forward, o.Volatility, s.TimeShift), () => Group(o, model, steps), o.DiscountFactor * o.LotSize);
        });
        return plan.Build(inputs, option.Forward, option.Volatility, Black76BarrierPricer.MaxTimeShift(option),
            RevaluationGreeks.Bumps.MonteCarlo.WithinRoom(Black76BarrierPricer.Room(option)), currency, PathModels.MethodName(model));
    }

    internal static SimulationGroup Group(ResolvedBarrierOption o, ValuationModel model, int steps)
    {
        var pathModel = PathModels.For(model, o.Forward, o.Volatility, o.Delivery, o.Expiry);
        TimeGrid grid;
        BarrierBridge? bridge = null;
        if (!o.IsContinuous) grid = new TimeGrid(o.MonitoringTimes.ToArray());
        else
        {
            grid = TimeGrid.Uniform(o.Expiry, steps);
            double variance = o.Volatility * o.Volatility;
            bridge = model is LocalVolatilityDynamics ? BarrierBridge.OfStepper : BarrierBridge.Fixed(grid.Steps.ToArray().Select(dt => variance * dt).ToArray());
        }
        var payoff = new BarrierPayoff(o.Type, o.Strike, o.Direction, o.Knock, o.Barrier, o.Rebate, pathModel.InitialPrice, bridge);
        return new SimulationGroup(pathModel, grid, payoff);
    }
}

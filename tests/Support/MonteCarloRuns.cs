using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Pricing.MonteCarlo;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Tests.Support;

/// <summary>
/// The engine's Monte Carlo pricers on resolved products, as estimates per lot (value, SE, variance reduction): the
/// same groups and measures <see cref="Pricers"/> builds, run alone. For tests of the simulation itself.
/// </summary>
internal static class MonteCarloRuns
{
    /// <summary>An Asian option's simulation (control variate when the settings ask for one).</summary>
    public static MonteCarloEstimate Asian(ResolvedAsianOption option, MonteCarloSettings settings, ValuationModel? model = null,
        int stepsPerFixing = 1, SimulationLimits? limits = null) =>
        Run(AsianSimulation.Group(option, model ?? new Black76Dynamics(), stepsPerFixing), settings, option.DiscountFactor * option.LotSize, limits);

    /// <summary>A barrier option's simulation; continuous monitoring on <paramref name="steps"/> steps (default one per business day).</summary>
    public static MonteCarloEstimate Barrier(ResolvedBarrierOption option, MonteCarloSettings settings, ValuationModel? model = null, int? steps = null,
        SimulationLimits? limits = null)
    {
        var dynamics = model ?? new Black76Dynamics();
        var inputs = new PricingInputs { Model = dynamics, Method = ValuationMethod.MonteCarlo, MonteCarlo = settings, Grid = new GridSettings { BarrierSteps = steps } };
        var plan = BarrierSimulation.Plan(option, dynamics, inputs, "EUR"); // the model check of the pricer
        var group = ((GroupPart)plan.Parts[0]).Group;
        return Run(group, settings, option.DiscountFactor * option.LotSize, limits);
    }

    /// <summary>A futures option through the pricer the engine uses for it (European, American/Bermudan, price-limited).</summary>
    public static Valuation Option(ResolvedFuturesOption option, MonteCarloSettings settings, ValuationModel? model = null, GridSettings? grid = null,
        bool greeks = false, SimulationLimits? limits = null, CancellationToken cancellation = default) =>
        MonteCarloPricer.Value(option, Inputs(settings, model, grid, greeks, limits), cancellation);

    /// <summary>Longstaff–Schwartz on <paramref name="exercise"/> (European included: one exercise date), <paramref name="steps"/> exercise steps.</summary>
    public static Valuation LongstaffSchwartz(ResolvedFuturesOption option, ResolvedExercise exercise, int steps, MonteCarloSettings settings,
        ValuationModel? model = null, bool greeks = false)
    {
        var inputs = Inputs(settings, model, new GridSettings { ExerciseSteps = steps }, greeks);
        var withExercise = option.With(option.Expiry, option.Delivery, option.Forward, option.Volatility, option.DiscountFactor, exercise);
        return FuturesOptionSimulation.LongstaffSchwartz(withExercise, inputs.Model, inputs, "EUR", CancellationToken.None)
            .Run(settings, inputs.Limits, CancellationToken.None);
    }

    /// <summary>A spread option through its pricer (value, and with <paramref name="greeks"/> its per-leg CRN Greeks).</summary>
    public static Valuation Spread(ResolvedSpreadOption option, MonteCarloSettings settings, IReadOnlyList<LogNormalJumps?>? jumps = null,
        bool greeks = false, SimulationLimits? limits = null) =>
        MonteCarloPricer.Value(option, jumps ?? [null, null], Inputs(settings, null, null, greeks, limits));

    /// <summary>A spread option's correlated legs on a uniform grid of <paramref name="steps"/> steps (each step exact).</summary>
    public static MonteCarloEstimate Spread(ResolvedSpreadOption option, IReadOnlyList<LogNormalJumps?>? jumps, int steps, MonteCarloSettings settings) =>
        Run(new SimulationGroup(SpreadSimulation.Model(option, jumps ?? [null, null]), TimeGrid.Uniform(option.Expiry, steps),
            Engine.Simulation.Payoffs.EuropeanPayoff.OnSpread(option.Type, option.Strike)), settings, option.DiscountFactor * option.LotSize, null);

    public static PricingInputs Inputs(MonteCarloSettings settings, ValuationModel? model = null, GridSettings? grid = null, bool greeks = false,
        SimulationLimits? limits = null) => new()
    {
        Model = model ?? new Black76Dynamics(),
        Method = ValuationMethod.MonteCarlo,
        MonteCarlo = settings,
        Grid = grid ?? new GridSettings(),
        Greeks = greeks,
        Limits = limits ?? SimulationLimits.Default,
    };

    private static MonteCarloEstimate Run(SimulationGroup group, MonteCarloSettings settings, double scale, SimulationLimits? limits) =>
        new SimulationJob(settings, [group], [MonteCarloSimulator.ValueMeasure(group, 0, settings.ControlVariate)], limits).Run()[0].Scale(scale);
}

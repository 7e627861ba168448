using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>One group's payoff estimated with its control variate when the settings ask for one, scaled (discount factor × lot).</summary>
internal static class Simulations
{
    public static MonteCarloEstimate Estimate(SimulationGroup group, MonteCarloSettings settings, double scale) =>
        new SimulationJob(settings, [group], [MonteCarloSimulator.ValueMeasure(group, 0, settings.ControlVariate)]).Run()[0].Scale(scale);
}

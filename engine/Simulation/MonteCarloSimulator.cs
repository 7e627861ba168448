using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// One model, one grid, one payoff: the simplest <see cref="SimulationJob"/>, estimating the payoff's mean
/// (output 0) with its standard error, adjusted by the payoff's control variate (output 1) when the settings
/// ask for one.
/// </summary>
public static class MonteCarloSimulator
{
    /// <summary>
    /// Estimates E[payoff] under <paramref name="model"/> on <paramref name="grid"/> (undiscounted,
    /// per unit). Throws <see cref="InvalidInputException"/> or <see cref="BudgetExceededException"/>
    /// before doing any work, and <see cref="OperationCanceledException"/> within milliseconds of
    /// <paramref name="cancellation"/> firing.
    /// </summary>
    public static MonteCarloEstimate Run(IPathModel model, TimeGrid grid, IPathPayoff payoff, MonteCarloSettings settings,
        SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(payoff);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(grid.Count, limits ?? SimulationLimits.Default);
        var group = new SimulationGroup(model, grid, payoff);
        var job = new SimulationJob(settings, [group], [ValueMeasure(group, 0, settings.ControlVariate)], limits);
        return job.Run(cancellation: cancellation)[0];
    }

    /// <summary>
    /// The payoff (output 0) of group <paramref name="index"/>, adjusted by its control variate (output 1) when
    /// <paramref name="controlVariate"/> is set.
    /// </summary>
    /// <exception cref="InvalidInputException">"monteCarlo.controlVariate" when the control's mean has no closed form.</exception>
    public static Measure ValueMeasure(SimulationGroup group, int index, bool controlVariate)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!controlVariate) return Measure.Of(index, PayoffOutput.Value);
        double mean = group.Payoff.Outputs > PayoffOutput.Control ? group.KnownMean(PayoffOutput.Control) : double.NaN;
        if (double.IsNaN(mean))
            Guard.Fail("monteCarlo.controlVariate", "the model's expected prices have no closed form (e.g. under daily price limits): a control variate would be biased");
        return new Measure([new MeasureTerm(index, PayoffOutput.Value)], [new MeasureTerm(index, PayoffOutput.Control)], mean);
    }
}

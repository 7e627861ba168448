namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// An accumulator that also reads the model state after each step (e.g. the Brownian driver of a book's
/// European options, or the price of each leg of a multi-leg model). It must know the stepper's state layout.
/// </summary>
internal interface IStateObservingAccumulator
{
    /// <summary>Sees the model state of the block (<see cref="IPathStepper.StateRows"/> rows) at the end of step <paramref name="step"/>.</summary>
    void ObserveState(int step, ReadOnlySpan<double> state);
}

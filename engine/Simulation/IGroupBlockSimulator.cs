using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// What a job's worker asks of each group for one block: the payoff's outputs on the block's paths, whether the
/// paths are simulated here (<see cref="PathBlockSimulator"/>) or read from another back end (<see cref="Backends.ReplayedPathBlock"/>).
/// </summary>
internal interface IGroupBlockSimulator
{
    /// <summary>Writes the payoff's outputs for block <paramref name="block"/> to <paramref name="outputs"/>.</summary>
    void Run(long block, PathOutputs outputs, CancellationToken cancellation);
}

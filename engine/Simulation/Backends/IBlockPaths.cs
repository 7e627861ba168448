namespace CarbonDerivatives.Engine.Simulation.Backends;

/// <summary>
/// Simulated paths of some blocks, computed elsewhere (e.g. on a GPU): for each group, block and step the prices
/// of the block's paths and the model state, laid out as the CPU simulation leaves them after that step (one row
/// of the block size per price, <see cref="IPathStepper.StateRows"/> rows of state).
/// </summary>
public interface IBlockPaths
{
    /// <summary>The prices of every path of <paramref name="block"/> at the end of <paramref name="step"/> of group <paramref name="group"/>.</summary>
    ReadOnlySpan<double> Prices(int group, long block, int step);

    /// <summary>The model state of every path of <paramref name="block"/> at the end of <paramref name="step"/> of group <paramref name="group"/>.</summary>
    ReadOnlySpan<double> State(int group, long block, int step);
}

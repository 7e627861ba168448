using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Backends;

namespace CarbonDerivatives.Gpu;

/// <summary>
/// The paths of a chunk of consecutive blocks copied back from the device: per group, prices laid out
/// [step][block][path] and state [step][block][row][path], as <see cref="PathKernel"/> writes them.
/// </summary>
internal sealed class ChunkPaths(long firstBlock, int blocks, double[][] prices, double[][] states, int[] stateRows) : IBlockPaths
{
    private const int B = SimulationPlan.BlockSize;

    public ReadOnlySpan<double> Prices(int group, long block, int step) =>
        prices[group].AsSpan((int)((step * (long)blocks + (block - firstBlock)) * B), B);

    public ReadOnlySpan<double> State(int group, long block, int step)
    {
        int rows = stateRows[group];
        return states[group].AsSpan((int)((step * (long)blocks + (block - firstBlock)) * rows * B), rows * B);
    }
}

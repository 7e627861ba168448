using CarbonDerivatives.Engine.Simulation.Scheduling;

namespace CarbonDerivatives.Engine.Simulation.Backends;

/// <summary>
/// Where the blocks of a <see cref="SimulationJob"/> run: the managed SIMD CPU (<see cref="CpuBackend"/>, the
/// reference) or another back end (a GPU). Every back end keeps the block scheduler's contract — a block range
/// in, the mergeable partial of those blocks out (<see cref="BlockPartial{T}"/>) — and draws the same
/// counter-keyed streams, so a back end changes where the paths are computed, never which paths they are.
/// </summary>
public interface ISimulationBackend
{
    /// <summary>The back end's name as replies report it: "cpu", or "gpu" followed by the device.</summary>
    string Name { get; }

    /// <summary>Why <paramref name="job"/> cannot run here (a model or random kind this back end lacks), or null when it can.</summary>
    string? Unsupported(SimulationJob job);

    /// <summary>Runs blocks [<paramref name="range"/>) of <paramref name="job"/>; the job must be supported.</summary>
    /// <param name="job">The job.</param>
    /// <param name="range">Blocks to run; within [0, job.Layout.BlockCount).</param>
    /// <param name="blockDone">Called once per block, e.g. for progress.</param>
    /// <param name="cancellation">Checked between blocks.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires.</exception>
    BlockPartial<SampleMoments[]> Run(SimulationJob job, BlockRange range, Action? blockDone, CancellationToken cancellation);
}

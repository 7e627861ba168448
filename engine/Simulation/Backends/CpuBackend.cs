using CarbonDerivatives.Engine.Simulation.Scheduling;

namespace CarbonDerivatives.Engine.Simulation.Backends;

/// <summary>The reference back end: the job's own workers on every core (<see cref="BlockScheduler"/>). Runs every job.</summary>
public sealed class CpuBackend : ISimulationBackend
{
    private CpuBackend() { }

    /// <summary>The one instance.</summary>
    public static CpuBackend Instance { get; } = new();

    public string Name => "cpu";

    public string? Unsupported(SimulationJob job) => null;

    public BlockPartial<SampleMoments[]> Run(SimulationJob job, BlockRange range, Action? blockDone, CancellationToken cancellation) =>
        BlockScheduler.Run(job, range, job.Settings.MaxDegreeOfParallelism, blockDone, cancellation);
}

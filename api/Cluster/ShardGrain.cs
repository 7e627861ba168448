using System.Diagnostics;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Engine.Simulation.Scheduling;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// Runs one shard on the silo Orleans placed it on: the one the job's <see cref="ShardPlacement"/> named, or by activation
/// count (the less busy of two silos) when that silo has gone. At most <see cref="ServerOptions.MaxConcurrentSimulations"/> shards
/// simulate at once per silo; the call's cancellation stops the shard within one block. The activation goes away
/// when the shard is done, so activation counts track running work.
/// </summary>
[Orleans.Placement.ActivationCountBasedPlacement]
public sealed class ShardGrain(PreparedShardJobs jobs, ShardSlots slots, ShardActivity activity, ILocalSiloDetails silo) : Grain, IShardGrain
{
    public async Task<ShardOutcome> Run(ShardWork work, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        bool completed = false;
        activity.Start();
        try
        {
            await slots.WaitAsync(cancellation);
            try
            {
                var partial = await Task.Run(() => jobs.For(work).Run(new BlockRange(work.Start, work.End), cancellation), cancellation);
                completed = true;
                return new ShardOutcome(partial, silo.SiloAddress.ToString(), clock.Elapsed.TotalMilliseconds);
            }
            finally
            {
                slots.Release();
            }
        }
        finally
        {
            activity.Stop(completed, cancelled: !completed && cancellation.IsCancellationRequested);
            DeactivateOnIdle();
        }
    }
}

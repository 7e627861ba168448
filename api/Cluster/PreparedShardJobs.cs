using System.Collections.Concurrent;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// The jobs this silo rebuilt, by job id, so that a silo planning a book once serves all the shards of it that land
/// here. Holds the most recent <see cref="Capacity"/> jobs.
/// </summary>
public sealed class PreparedShardJobs(ShardJobs jobs)
{
    private const int Capacity = 8;

    private readonly ConcurrentDictionary<Guid, (long Order, Lazy<IShardJob> Job)> _jobs = new();
    private long _order;

    public IShardJob For(ShardWork work)
    {
        var entry = _jobs.GetOrAdd(work.JobId, _ => (Interlocked.Increment(ref _order),
            new Lazy<IShardJob>(() => jobs.Rebuild(work.Kind, work.Request), LazyThreadSafetyMode.ExecutionAndPublication)));
        if (_jobs.Count > Capacity)
            foreach (var old in _jobs.OrderBy(j => j.Value.Order).Take(_jobs.Count - Capacity)) _jobs.TryRemove(old.Key, out _);
        var job = entry.Job.Value;
        if (job.Layout.BlockCount != work.Blocks)
            throw new InvalidOperationException($"the rebuilt job has {job.Layout.BlockCount} blocks where the planning node had {work.Blocks}");
        return job;
    }
}

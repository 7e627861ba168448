using System.Collections.Concurrent;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// The jobs this silo rebuilt, by job id, so that a silo planning a book once serves all the shards of it that land
/// here; the node that cut a job hands in the job it planned (<see cref="Keep"/>), so its own shards do not plan it
/// again. Holds the most recent <see cref="Capacity"/> jobs.
/// </summary>
public sealed class PreparedShardJobs(ShardJobs jobs)
{
    private const int Capacity = 8;

    private readonly ConcurrentDictionary<Guid, (long Order, Lazy<IShardJob> Job)> _jobs = new();
    private long _order;

    public IShardJob For(ShardWork work)
    {
        var job = Entry(work.JobId, () => jobs.Rebuild(work.Kind, work.Request)).Value;
        if (job.Layout.BlockCount != work.Blocks)
            throw new InvalidOperationException($"the rebuilt job has {job.Layout.BlockCount} blocks where the planning node had {work.Blocks}");
        return job;
    }

    /// <summary>
    /// Keeps <paramref name="job"/>, planned on this node from the very request bytes its shards carry, for the shards of
    /// <paramref name="jobId"/> that run here: the same job <see cref="ShardJobs.Rebuild"/> would make.
    /// </summary>
    public void Keep(Guid jobId, IShardJob job) => Entry(jobId, () => job);

    private Lazy<IShardJob> Entry(Guid jobId, Func<IShardJob> build)
    {
        var entry = _jobs.GetOrAdd(jobId, _ => (Interlocked.Increment(ref _order), new Lazy<IShardJob>(build, LazyThreadSafetyMode.ExecutionAndPublication)));
        if (_jobs.Count > Capacity)
            foreach (var old in _jobs.OrderBy(j => j.Value.Order).Take(_jobs.Count - Capacity)) _jobs.TryRemove(old.Key, out _);
        return entry.Job;
    }
}

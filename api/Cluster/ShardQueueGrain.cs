namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// Counts the shards of admitted jobs cluster-wide. A job whose receiving node is no longer an active member is dropped at
/// the next admission, so a node killed mid-job does not hold queue room for ever. Orleans runs one call at a time here.
/// Should this grain's silo die, it is activated afresh elsewhere with an empty queue: the bound loosens for the jobs
/// running then, and holds again for the ones that follow.
/// </summary>
[KeepAlive] // its count is the state: never collected for idleness
public sealed class ShardQueueGrain(IClusterMembershipService membership) : Grain, IShardQueueGrain
{
    private readonly Dictionary<Guid, (int Shards, SiloAddress Node)> _jobs = [];

    public Task<ShardAdmission> Admit(Guid job, int shards, SiloAddress node, int bound)
    {
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();
        foreach (var gone in _jobs.Where(j => !active.Contains(j.Value.Node)).Select(j => j.Key).ToList()) _jobs.Remove(gone);
        int queued = Count();
        bool admitted = queued + shards <= bound;
        if (admitted) _jobs[job] = (shards, node);
        return Task.FromResult(new ShardAdmission(admitted, queued));
    }

    public Task Release(Guid job)
    {
        _jobs.Remove(job);
        return Task.CompletedTask;
    }

    public Task<int> Queued() => Task.FromResult(Count());

    private int Count() => _jobs.Values.Sum(j => j.Shards);
}

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// Where the next shard of one job goes: the live silo (Orleans membership) with the fewest of the job's shards in
/// flight, then the fewest placed so far, skipping silos on which one of its shards failed while any other is live.
/// The choice travels as Orleans' placement hint; a hint naming a silo that has left falls back to the grain's own
/// activation-count placement. (Activation-count placement alone sends everything to the receiving node until the
/// silos' load statistics have been published, seconds after start.)
/// </summary>
internal sealed class ShardPlacement(IClusterMembershipService membership)
{
    private readonly Dictionary<SiloAddress, (int InFlight, int Placed)> _load = [];
    private readonly HashSet<SiloAddress> _failed = [];
    private readonly Lock _lock = new();

    /// <summary>The silo for the next shard, counted in flight until <see cref="Done"/>.</summary>
    public SiloAddress Take()
    {
        var live = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();
        lock (_lock)
        {
            var healthy = live.Where(s => !_failed.Contains(s)).ToList();
            var silo = (healthy.Count > 0 ? healthy : live).MinBy(s => _load.GetValueOrDefault(s))
                ?? throw new SiloUnavailableException("no live silo to run a shard on");
            var (inFlight, placed) = _load.GetValueOrDefault(silo);
            _load[silo] = (inFlight + 1, placed + 1);
            return silo;
        }
    }

    /// <summary>The shard placed on <paramref name="silo"/> ended; <paramref name="failed"/> when its silo did not answer.</summary>
    public void Done(SiloAddress silo, bool failed)
    {
        lock (_lock)
        {
            var (inFlight, placed) = _load[silo];
            _load[silo] = (inFlight - 1, placed);
            if (failed) _failed.Add(silo);
        }
    }
}

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// What this silo's shards are doing: running now, and how many started, completed and stopped by cancellation.
/// Read by tests and logs to see that cancellation reached every shard.
/// </summary>
public sealed class ShardActivity
{
    private int _running;
    private long _started, _completed, _cancelled;

    public int Running => Volatile.Read(ref _running);

    public long Started => Interlocked.Read(ref _started);

    public long Completed => Interlocked.Read(ref _completed);

    public long Cancelled => Interlocked.Read(ref _cancelled);

    internal void Start()
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _running);
    }

    internal void Stop(bool completed, bool cancelled)
    {
        if (completed) Interlocked.Increment(ref _completed);
        if (cancelled) Interlocked.Increment(ref _cancelled);
        Interlocked.Decrement(ref _running);
    }
}

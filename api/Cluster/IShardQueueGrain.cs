namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// The cluster's shard queue: every job's shards from admission to its end (queued or running), on whichever node received
/// the job. One activation for the whole cluster (key 0); a job over the bound is refused before any shard is sent.
/// </summary>
[Alias("carbon.IShardQueueGrain")]
public interface IShardQueueGrain : IGrainWithIntegerKey
{
    /// <summary>Admits <paramref name="shards"/> of job <paramref name="job"/>, received by <paramref name="node"/>, unless the
    /// queue would then hold more than <paramref name="bound"/>; returns the shards queued before it.</summary>
    [Alias("Admit")]
    Task<ShardAdmission> Admit(Guid job, int shards, SiloAddress node, int bound);

    /// <summary>The job has ended (completed, failed or cancelled): its shards leave the queue.</summary>
    [Alias("Release")]
    Task Release(Guid job);

    /// <summary>Shards in the queue now.</summary>
    [Alias("Queued")]
    Task<int> Queued();
}

/// <summary>Whether a job was admitted, and the shards queued cluster-wide when it asked.</summary>
[GenerateSerializer, Immutable, Alias("carbon.ShardAdmission")]
public sealed record ShardAdmission([property: Id(0)] bool Admitted, [property: Id(1)] int QueuedBefore);

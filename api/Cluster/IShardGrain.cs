namespace CarbonDerivatives.Api.Cluster;

/// <summary>Runs one shard of a job; keyed by job, shard and attempt, so that a retried shard is placed afresh.</summary>
[Alias("carbon.IShardGrain")]
public interface IShardGrain : IGrainWithStringKey
{
    [Alias("Run")]
    Task<ShardOutcome> Run(ShardWork work, CancellationToken cancellation);
}

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// How a job ran on the cluster: its shards by the silo that ran them (the attempt that counted), attempts run again
/// after a node failed, and the bytes that travelled (request per shard, partials back in all).
/// </summary>
public sealed record ShardReport(IReadOnlyDictionary<string, int> ShardsBySilo, int Shards, int Retried, int RequestBytesPerShard, long PartialBytes,
    double ShardMilliseconds);

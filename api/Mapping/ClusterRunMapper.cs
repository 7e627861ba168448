using CarbonDerivatives.Api.Cluster;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>A job's <see cref="ShardReport"/> as the result's ClusterRun; null (unset) when it ran on one node.</summary>
internal static class ClusterRunMapper
{
    public static Proto.ClusterRun? ToProto(ShardReport? report) => report is null ? null : new Proto.ClusterRun
    {
        ShardsByNode = { report.ShardsBySilo.ToDictionary() },
        Shards = report.Shards,
        Retried = report.Retried,
        RequestBytesPerShard = report.RequestBytesPerShard,
        PartialBytes = report.PartialBytes,
    };
}

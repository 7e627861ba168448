using CarbonDerivatives.Api.Cluster;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Scheduling;
using Xunit;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>A silo's cache of planned jobs: the node that cut a job serves its own shards with the job it planned.</summary>
public sealed class ClusterPreparedJobsTests
{
    private static PreparedShardJobs Cache() => new(new ShardJobs(ClusterReference.Snapshots(), new PortfolioStore(new InMemoryDocumentStore()),
        Microsoft.Extensions.Options.Options.Create(ClusterReference.Options), new SimulationLimits()));

    [Fact]
    public void Cluster_KeptJob_ServesItsShardsWithoutPlanningAgain_OtherJobsAreRebuiltFromTheirBytes()
    {
        var cache = Cache();
        var kept = new KeptJob(new BlockLayout(12, 12));
        var id = Guid.NewGuid();
        cache.Keep(id, kept);
        // Bytes that are no request at all: rebuilding from them would throw, so the kept job must be what answers.
        byte[] garbage = [0xFF, 0xFF, 0xFF];
        Assert.Same(kept, cache.For(new ShardWork(id, ClusterJobKind.Price, garbage, 0, 4, 12)));
        // Its block count is still checked against the planning node's.
        Assert.Throws<InvalidOperationException>(() => cache.For(new ShardWork(id, ClusterJobKind.Price, garbage, 0, 4, 13)));
        // A job this node did not plan is rebuilt from its bytes (and these are refused).
        Assert.ThrowsAny<Exception>(() => cache.For(new ShardWork(Guid.NewGuid(), ClusterJobKind.Price, garbage, 0, 4, 12)));
    }

    private sealed class KeptJob(BlockLayout layout) : IShardJob
    {
        public BlockLayout Layout => layout;

        public byte[] Run(BlockRange range, CancellationToken cancellation) => [];
    }
}

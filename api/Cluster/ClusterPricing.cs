using System.Diagnostics;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Simulation.Backends;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// A large Monte Carlo <c>Price</c> on the cluster: the request with its stored snapshot copied in is what every silo
/// rebuilds the trade's simulation from; this node plans it from the same bytes and, when its paths x steps reach
/// <see cref="ClusterSettings.MinPathStepsToShard"/>, runs its block ranges across the cluster and reads the merged
/// moments — the bits <see cref="ValuationService.Value"/> gives on one node. Smaller runs, and runs on another back end
/// than the CPU (a GPU simulates its own blocks), stay on this node.
/// </summary>
public sealed class ClusterPricing(ClusterJobRunner runner, ShardJobs jobs, ISnapshotStore snapshots, IOptions<ClusterSettings> settings)
{
    /// <summary>The valuation of a Monte Carlo request already mapped once (fields and snapshot id checked); the report is null when it ran here.</summary>
    public async Task<(Valuation Valuation, ShardReport? Report)> Price(Proto.PriceRequest request, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        byte[] bytes = InlineRequests.Inline(request, snapshots).ToByteArray();
        var (prepared, job) = jobs.Price(Proto.PriceRequest.Parser.ParseFrom(bytes), cancellation);
        if (job is null || !WorthSharding(prepared.Job!)) return (prepared.Run(cancellation), null);
        var (segments, report) = await runner.RunAsync(job, ClusterJobKind.Price, bytes, progress: null, cancellation);
        return (prepared.Finish(prepared.Job!.Estimate(segments, clock.Elapsed)), report);
    }

    private bool WorthSharding(Engine.Simulation.SimulationJob job) =>
        job.Backend is CpuBackend && job.Paths * job.Groups.Sum(g => (long)g.Steps) >= settings.Value.MinPathStepsToShard;
}

using System.Diagnostics;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Engine.Risk;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// The risk service's Monte Carlo jobs on the cluster: the request with its stored documents copied in is what every
/// silo rebuilds the job from; this node plans it from the same bytes, runs its shards across the cluster and reads the
/// merged result — the bits <see cref="PortfolioRiskEngine.Compute"/> and <see cref="MonteCarloVaR.Compute"/> give on one node.
/// </summary>
public sealed class ClusterRisk(ClusterJobRunner runner, ShardJobs jobs, ISnapshotStore snapshots, PortfolioStore portfolios,
    IOptions<ClusterSettings> settings)
{
    /// <summary>Sensitivities of a request whose inputs were already mapped once (ids and fields checked).</summary>
    public async Task<(PortfolioRisk Risk, ShardReport? Report)> Sensitivities(Proto.SensitivitiesRequest request, IProgress<double>? progress,
        CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        byte[] bytes = new Proto.SensitivitiesRequest(request) { Inputs = InlineRequests.Inline(request.Inputs, snapshots, portfolios) }.ToByteArray();
        var (_, prepared, job) = jobs.Sensitivities(Proto.SensitivitiesRequest.Parser.ParseFrom(bytes));
        if (job is null) return (prepared.Finish(null, clock.Elapsed), null);
        var (segments, report) = await runner.RunAsync(job, ClusterJobKind.Sensitivities, bytes, progress, cancellation);
        var result = prepared.Job!.Estimate(segments, clock.Elapsed);
        return (prepared.Finish(result, clock.Elapsed), report);
    }

    /// <summary>Monte Carlo VaR of a request whose inputs were already mapped once.</summary>
    public async Task<(VarResult Var, ShardReport Report)> ValueAtRisk(Proto.ValueAtRiskRequest request, IProgress<double>? progress,
        CancellationToken cancellation)
    {
        byte[] bytes = new Proto.ValueAtRiskRequest(request) { Inputs = InlineRequests.Inline(request.Inputs, snapshots, portfolios) }.ToByteArray();
        var (_, scenarios, job) = jobs.ValueAtRisk(Proto.ValueAtRiskRequest.Parser.ParseFrom(bytes));
        var (segments, report) = await runner.RunAsync(job, ClusterJobKind.ValueAtRisk, bytes, progress, cancellation);
        return (scenarios.Result(segments[0]), report);
    }

    /// <summary>
    /// A scenario ladder of a request already mapped once: its rows across the cluster when its revaluations reach
    /// <see cref="ClusterSettings.MinRevaluationsToShard"/>, else here (the report then null).
    /// </summary>
    public async Task<(ScenarioLadderResult Ladder, ShardReport? Report)> ScenarioLadder(Proto.ScenarioLadderRequest request, IProgress<double>? progress,
        CancellationToken cancellation)
    {
        byte[] bytes = new Proto.ScenarioLadderRequest(request) { Inputs = InlineRequests.Inline(request.Inputs, snapshots, portfolios) }.ToByteArray();
        var (_, rows, job) = jobs.ScenarioLadder(Proto.ScenarioLadderRequest.Parser.ParseFrom(bytes));
        if (rows.Revaluations < settings.Value.MinRevaluationsToShard) return (rows.Run(progress, cancellation), null);
        var (segments, report) = await runner.RunAsync(job, ClusterJobKind.ScenarioLadder, bytes, progress, cancellation);
        return (rows.Result(segments[0]), report);
    }
}

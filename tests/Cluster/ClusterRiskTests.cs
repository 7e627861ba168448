using Xunit;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Protos.V1;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>
/// Monte Carlo risk on three in-process silos against the same request on one node: the shards (block ranges) run where
/// Orleans places them and merge into the single-node bits, whichever silo ran which shard, even when a silo dies mid-job.
/// </summary>
public sealed class ClusterRiskTests
{
    [Fact]
    public async Task Cluster_MonteCarloSensitivitiesOf300PositionsOver5Underlyings_SameBitsAsOneNodeOnTwoOrMoreSilos()
    {
        var request = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 65_536) };
        await using var cluster = await ThreeSiloCluster.StartAsync();

        var (risk, report) = await cluster.Risk.Sensitivities(request, null, CancellationToken.None);

        var expected = ClusterReference.SingleNode(request);
        Assert.Equal(300, expected.Positions.Count);
        Assert.Equal(5, expected.ByUnderlying.Count);
        Assert.All(expected.Positions, p => Assert.Null(p.Error));
        Assert.Equal(expected, ClusterBook.WithoutTimings(RiskResultMapper.Sensitivities(risk, 0, _ => null)));
        Assert.NotNull(report);
        Assert.Equal(64, report.Shards);
        Assert.Equal(report.Shards, report.ShardsBySilo.Values.Sum());
        Assert.True(report.ShardsBySilo.Count >= 2, $"shards by silo: {string.Join(", ", report.ShardsBySilo)}");
    }

    [Fact]
    public async Task Cluster_MonteCarloValueAtRisk_SameBitsAsOneNodeOnTwoOrMoreSilos()
    {
        var request = new ValueAtRiskRequest { Inputs = ClusterBook.Inputs(paths: 1024), Scenarios = 16_384, Seed = 5, Confidences = { 0.99, 0.975 } };
        await using var cluster = await ThreeSiloCluster.StartAsync();

        var (var, report) = await cluster.Risk.ValueAtRisk(request, null, CancellationToken.None);

        var c = RiskRequestMapper.ToDomain(request.Inputs, ClusterReference.Snapshots(), new PortfolioStore(new InMemoryDocumentStore()), ClusterReference.Options);
        var expected = MonteCarloVaR.Compute(c.Portfolio, c.Market, c.Fx, VarRequestMapper.MonteCarlo(request, ClusterReference.Options), c.Settings);
        Assert.Empty(expected.Errors);
        Assert.Equal(16_384, var.Scenarios);
        // Protobuf equality compares the doubles bit for bit.
        Assert.Equal(RiskResultMapper.ValueAtRisk(expected, Protos.V1.VarMethod.FullRevaluation, "EUR", 0, _ => null),
            RiskResultMapper.ValueAtRisk(var, Protos.V1.VarMethod.FullRevaluation, "EUR", 0, _ => null));
        Assert.Equal(16, report.Shards);
        Assert.True(report.ShardsBySilo.Count >= 2, $"shards by silo: {string.Join(", ", report.ShardsBySilo)}");
    }

    [Fact]
    public async Task Cluster_ScenarioLadderOnAReshapedSmile_RowsOnTwoOrMoreSilosWithTheBitsOfOneNode_ASmallLadderStaysHere()
    {
        var request = new ScenarioLadderRequest
        {
            Inputs = ClusterBook.Inputs(paths: 1024), PriceShocks = { -0.3, -0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2, 0.3 }, VolShocks = { -0.05, 0, 0.05 },
            SkewShock = -0.1, SmileShock = 0.05,
        };
        await using var cluster = await ThreeSiloCluster.StartAsync();

        var (ladder, report) = await cluster.Risk.ScenarioLadder(request, null, CancellationToken.None);

        var c = RiskRequestMapper.ToDomain(request.Inputs, ClusterReference.Snapshots(), new PortfolioStore(new InMemoryDocumentStore()), ClusterReference.Options);
        var expected = ScenarioLadder.Run(c.Portfolio, c.Market, c.Fx, [.. request.PriceShocks], [.. request.VolShocks], c.Settings,
            skewShock: request.SkewShock, smileShock: request.SmileShock);
        Assert.Equal(5, expected.ByUnderlying.Count);
        Assert.NotEqual(0, expected.ProfitAndLoss[4][1]); // the reshaped smile moves even the unshocked cell
        // Protobuf equality compares the doubles bit for bit.
        Assert.Equal(RiskResultMapper.Ladder(expected, 0, _ => null), RiskResultMapper.Ladder(ladder, 0, _ => null));
        Assert.NotNull(report);
        Assert.Equal(9, report.Shards); // a row per shard
        Assert.True(report.ShardsBySilo.Count >= 2, $"shards by silo: {string.Join(", ", report.ShardsBySilo)}");

        var small = new ScenarioLadderRequest { Inputs = request.Inputs, PriceShocks = { 0.1 } };
        var (smallLadder, smallReport) = await cluster.Risk.ScenarioLadder(small, null, CancellationToken.None);
        Assert.Null(smallReport);
        Assert.Equal(RiskResultMapper.Ladder(ScenarioLadder.Run(c.Portfolio, c.Market, c.Fx, [0.1], [0.0], c.Settings), 0, _ => null),
            RiskResultMapper.Ladder(smallLadder, 0, _ => null));
    }

    [Fact]
    public async Task Cluster_SiloKilledMidJob_ItsShardsRunElsewhereAndTheResultKeepsItsBits()
    {
        var request = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 131_072) };
        await using var cluster = await ThreeSiloCluster.StartAsync();

        var job = cluster.Risk.Sensitivities(request, null, CancellationToken.None);
        var victim = await FirstSecondaryRunningAShard(cluster, job);
        var kill = cluster.KillAsync(victim);
        var (risk, report) = await job;
        await kill;

        Assert.Equal(ClusterReference.SingleNode(request), ClusterBook.WithoutTimings(RiskResultMapper.Sensitivities(risk, 0, _ => null)));
        Assert.True(report!.Retried >= 1, "the killed silo's running shard was run again");
        Assert.Equal(report.Shards, report.ShardsBySilo.Values.Sum());
    }

    [Fact]
    public async Task Cluster_CancelledMidJob_EveryShardStopsAndNoneStartsAfterwards()
    {
        var request = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 4_194_304) };
        await using var cluster = await ThreeSiloCluster.StartAsync();
        using var cancel = new CancellationTokenSource();

        var job = cluster.Risk.Sensitivities(request, null, cancel.Token);
        await FirstSecondaryRunningAShard(cluster, job);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);

        var stopped = DateTime.UtcNow.AddSeconds(10);
        while (cluster.Activity().Any(a => a.Activity.Running > 0) && DateTime.UtcNow < stopped) await Task.Delay(20);
        var activity = cluster.Activity();
        Assert.All(activity, a => Assert.Equal(0, a.Activity.Running));
        long started = activity.Sum(a => a.Activity.Started), completed = activity.Sum(a => a.Activity.Completed);
        Assert.True(activity.Sum(a => a.Activity.Cancelled) >= 1, "the shards running at the cancel stopped by it");
        Assert.Equal(started, completed + activity.Sum(a => a.Activity.Cancelled));
        Assert.True(completed < 64, "the job did not run to its end");
        await Task.Delay(500);
        Assert.Equal(started, cluster.Activity().Sum(a => a.Activity.Started));
    }

    /// <summary>Waits until a non-primary silo is running a shard of <paramref name="job"/>, which must still be running then.</summary>
    private static async Task<Orleans.TestingHost.SiloHandle> FirstSecondaryRunningAShard(ThreeSiloCluster cluster, Task job)
    {
        while (!job.IsCompleted)
        {
            var busy = cluster.Activity().FirstOrDefault(a => a.Silo != cluster.Cluster.Primary && a.Activity.Running > 0);
            if (busy.Silo is not null) return busy.Silo;
            await Task.Delay(10);
        }
        await job;
        throw new Xunit.Sdk.XunitException("the job ended before any secondary silo ran a shard");
    }
}

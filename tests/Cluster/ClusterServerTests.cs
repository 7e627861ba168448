using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using CarbonDerivatives.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>
/// The real server in "localhost" cluster mode: two nodes in this process (each a gRPC server with its silo), a Monte
/// Carlo Sensitivities call (and a Price and a ladder above their sharding thresholds) to node 1 runs on both and answers the bits of a
/// node on its own (mode "none").
/// </summary>
public sealed class ClusterServerTests
{
    [Fact]
    public async Task Cluster_LocalhostModeTwoNodes_SensitivitiesALargePriceAndALadderOverGrpcRunOnBothWithTheBitsOfOneNode()
    {
        var request = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 32_768) };
        int primary = FreePorts.Next();
        string db = Path.Combine(Path.GetTempPath(), $"carbon-cluster-{Guid.NewGuid():N}");
        var alone = await InProcessServer.StartAsync(db + "-alone.db");
        string[] shardPrices = [$"--Carbon:Cluster:MinPathStepsToShard={ThreeSiloCluster.MinPathStepsToShard}",
            $"--Carbon:Cluster:MinRevaluationsToShard={ThreeSiloCluster.MinRevaluationsToShard}"];
        var node1 = await InProcessServer.StartAsync(db + "-1.db", [.. Node(primary, primary), .. shardPrices]);
        var node2 = await InProcessServer.StartAsync(db + "-2.db", [.. Node(FreePorts.Next(), primary), .. shardPrices]);
        try
        {
            await UntilMembers(node1.App, 2);
            var price = ClusterPricingTests.ArithmeticAsian();
            var priceAlone = await Price(alone.Address, price);
            var priceClustered = await Price(node1.Address, price);
            Assert.Null(priceAlone.Cluster);
            Assert.Equal(2, priceClustered.Cluster.ShardsByNode.Count);
            Assert.Equal(priceClustered.Cluster.Shards, priceClustered.Cluster.ShardsByNode.Values.Sum());
            priceClustered.Cluster = null;
            priceAlone.Timing = priceClustered.Timing = null;
            Assert.Equal(priceAlone, priceClustered);

            var ladder = new ScenarioLadderRequest { Inputs = request.Inputs, PriceShocks = { -0.2, -0.1, 0, 0.1, 0.2 }, VolShocks = { 0, 0.05 } };
            var ladderAlone = await Ladder(alone.Address, ladder);
            var ladderClustered = await Ladder(node1.Address, ladder);
            Assert.Null(ladderAlone.Cluster);
            Assert.Equal(5, ladderClustered.Cluster.Shards);
            Assert.Equal(2, ladderClustered.Cluster.ShardsByNode.Count);
            ladderClustered.Cluster = null;
            ladderAlone.Timing = ladderClustered.Timing = null;
            Assert.Equal(ladderAlone, ladderClustered);

            var expected = await Sensitivities(alone.Address, request);
            var clustered = await Sensitivities(node1.Address, request);

            Assert.Null(expected.Cluster);
            Assert.Equal(32, clustered.Cluster.Shards);
            Assert.Equal(2, clustered.Cluster.ShardsByNode.Count);
            // What travelled: every shard carries the request (its portfolio's 300 positions inline), each partial comes back.
            Assert.True(clustered.Cluster.RequestBytesPerShard > request.CalculateSize(), $"request bytes per shard {clustered.Cluster.RequestBytesPerShard}");
            Assert.True(clustered.Cluster.PartialBytes >= 32 * 8, $"partial bytes {clustered.Cluster.PartialBytes}");
            clustered.Cluster = null;
            Assert.Equal(ClusterBook.WithoutTimings(expected), ClusterBook.WithoutTimings(clustered));
        }
        finally
        {
            await Task.WhenAll(new[] { node2.App, node1.App, alone.App }.Select(async app =>
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*")) File.Delete(file);
        }
    }

    [Fact]
    public async Task Cluster_PostgresModeTwoNodes_SnapshotSavedOnNode1PricesOnNode2AndAJobOnNode1RunsOnBoth()
    {
        string database = ThrowawayPostgres.Instance.NewDatabase();
        string db = Path.Combine(Path.GetTempPath(), $"carbon-cluster-{Guid.NewGuid():N}");
        var node1 = await InProcessServer.StartAsync(db + "-1.db", PostgresNode(database));
        var node2 = await InProcessServer.StartAsync(db + "-2.db", PostgresNode(database));
        try
        {
            await UntilMembers(node1.App, 2);
            var market = CarbonDerivatives.Api.Snapshots.DefaultMarket.Message();
            market.Futures.Single(c => c.Underlying == "EUA").Quotes[0].Price = 90;
            using (var channel = TestCredentials.Channel(node1.Address))
                await new MarketDataService.MarketDataServiceClient(channel).PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = "eod", Market = market });
            var request = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 16_384) };
            request.Inputs.Market = new MarketSource { SnapshotId = "eod" };

            var onNode2 = await Sensitivities(node2.Address, request);
            var onNode1 = await Sensitivities(node1.Address, request);

            Assert.Equal(2, onNode1.Cluster.ShardsByNode.Count);
            Assert.Equal(16, onNode1.Cluster.Shards);
            Assert.Equal(ClusterBook.WithoutTimings(onNode2).Positions, ClusterBook.WithoutTimings(onNode1).Positions);
            var euaFuture = onNode2.Positions.First(p => p.PositionId == "f5");
            Assert.Equal(1000 * (1 + 5 % 4) * (90 - 70.76), euaFuture.Measures.Price.Value, 1e-6);
        }
        finally
        {
            await Task.WhenAll(new[] { node2.App, node1.App }.Select(async app =>
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task Cluster_ShardQueueOverItsBound_ResourceExhaustedNamingTheLimitOnAnyNodeUntilTheQueueEmpties()
    {
        int primary = FreePorts.Next();
        string db = Path.Combine(Path.GetTempPath(), $"carbon-cluster-{Guid.NewGuid():N}");
        string[] bound = ["--Carbon:Cluster:MaxQueuedShards=100"];
        var node1 = await InProcessServer.StartAsync(db + "-1.db", [.. Node(primary, primary), .. bound]);
        var node2 = await InProcessServer.StartAsync(db + "-2.db", [.. Node(FreePorts.Next(), primary), .. bound]);
        try
        {
            await UntilMembers(node1.App, 2);
            var queue = node1.App.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<CarbonDerivatives.Api.Cluster.IShardQueueGrain>(0);
            using var cancel = new CancellationTokenSource();
            var long64Shards = Sensitivities(node1.Address, new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 4_194_304) }, cancel.Token);
            await Until(async () => await queue.Queued() == 64 || long64Shards.IsCompleted);

            // Node 2's own gate is free: the refusal is the cluster's queue, 64 + 64 shards over 100.
            var e = await Assert.ThrowsAsync<RpcException>(() => Sensitivities(node2.Address, new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 65_536) }));
            Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
            var violation = e.GetRpcStatus()!.GetDetail<QuotaFailure>().Violations.Single();
            Assert.Equal("server.cluster_shards", violation.Subject);
            Assert.Contains("Carbon:Cluster:MaxQueuedShards (100)", violation.Description);

            cancel.Cancel();
            await Assert.ThrowsAnyAsync<Exception>(() => long64Shards);
            await Until(async () => await queue.Queued() == 0);
            var small = await Sensitivities(node2.Address, new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 8_192) });
            Assert.Equal(8, small.Cluster.Shards);
        }
        finally
        {
            await Task.WhenAll(new[] { node2.App, node1.App }.Select(async app =>
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*")) File.Delete(file);
        }
    }

    /// <summary>Polls <paramref name="condition"/> for up to 30 s.</summary>
    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not hold within 30 s");
            await Task.Delay(20);
        }
    }

    private static string[] PostgresNode(string database) =>
        ["--Carbon:Cluster:Mode=postgres", $"--Carbon:PostgresConnectionString={database}", $"--Carbon:Cluster:SiloPort={FreePorts.Next()}",
         $"--Carbon:Cluster:GatewayPort={FreePorts.Next()}", "--Logging:LogLevel:Orleans=Warning"];

    private static string[] Node(int siloPort, int primaryPort) =>
        ["--Carbon:Cluster:Mode=localhost", $"--Carbon:Cluster:SiloPort={siloPort}", $"--Carbon:Cluster:GatewayPort={FreePorts.Next()}",
         $"--Carbon:Cluster:PrimarySiloPort={primaryPort}", "--Logging:LogLevel:Orleans=Warning"];

    private static async Task UntilMembers(WebApplication app, int count)
    {
        var membership = app.Services.GetRequiredService<Orleans.Runtime.IClusterMembershipService>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == Orleans.Runtime.SiloStatus.Active) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the cluster did not reach {count} active silos");
            await Task.Delay(50);
        }
    }

    private static async Task<PriceResponse> Price(string address, PriceRequest request)
    {
        using var channel = TestCredentials.Channel(address);
        return await new PricingService.PricingServiceClient(channel).PriceAsync(request);
    }

    private static async Task<ScenarioLadderResult> Ladder(string address, ScenarioLadderRequest request)
    {
        using var channel = TestCredentials.Channel(address);
        using var call = new RiskService.RiskServiceClient(channel).ScenarioLadder(request);
        ScenarioLadderResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result = update.Result ?? result;
        return result!;
    }

    private static async Task<SensitivitiesResult> Sensitivities(string address, SensitivitiesRequest request, CancellationToken cancellation = default)
    {
        using var channel = TestCredentials.Channel(address);
        using var call = new RiskService.RiskServiceClient(channel).Sensitivities(request, cancellationToken: cancellation);
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync(cancellation)) result = update.Result ?? result;
        return result!;
    }
}

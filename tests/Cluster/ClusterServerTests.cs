using System.Net;
using System.Net.Sockets;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>
/// The real server in "localhost" cluster mode: two nodes in this process (each a gRPC server with its silo), a Monte
/// Carlo Sensitivities call to node 1 runs on both and answers the bits of a node on its own (mode "none").
/// </summary>
public sealed class ClusterServerTests
{
    [Fact]
    public async Task Cluster_LocalhostModeTwoNodes_SensitivitiesOverGrpcRunOnBothWithTheBitsOfOneNode()
    {
        var request = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 32_768) };
        int primary = FreePort();
        string db = Path.Combine(Path.GetTempPath(), $"carbon-cluster-{Guid.NewGuid():N}");
        var alone = await InProcessServer.StartAsync(db + "-alone.db");
        var node1 = await InProcessServer.StartAsync(db + "-1.db", Node(primary, primary));
        var node2 = await InProcessServer.StartAsync(db + "-2.db", Node(FreePort(), primary));
        try
        {
            await UntilMembers(node1.App, 2);
            var expected = await Sensitivities(alone.Address, request);
            var clustered = await Sensitivities(node1.Address, request);

            Assert.Null(expected.Cluster);
            Assert.Equal(32, clustered.Cluster.Shards);
            Assert.Equal(2, clustered.Cluster.ShardsByNode.Count);
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

    private static string[] Node(int siloPort, int primaryPort) =>
        ["--Carbon:Cluster:Mode=localhost", $"--Carbon:Cluster:SiloPort={siloPort}", $"--Carbon:Cluster:GatewayPort={FreePort()}",
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

    private static async Task<SensitivitiesResult> Sensitivities(string address, SensitivitiesRequest request)
    {
        using var channel = TestCredentials.Channel(address);
        using var call = new RiskService.RiskServiceClient(channel).Sensitivities(request);
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result = update.Result ?? result;
        return result!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

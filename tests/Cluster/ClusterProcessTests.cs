using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using CarbonDerivatives.Tests.Support;
using Grpc.Core;
using Npgsql;
using Xunit;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>
/// Three server processes (<see cref="ChildServer"/>) in "postgres" cluster mode on loopback against the test run's
/// PostgreSQL: a job sent to node 1 runs on all three; kill -9 of node 3 in the middle of a second job, and that job still
/// answers the bits of the engine on one node, the shards node 3 had running placed again on the others.
/// </summary>
public sealed class ClusterProcessTests
{
    [Fact]
    public async Task Cluster_ThreeProcessesInPostgresMode_JobRunsOnAllThreeAndKill9OfNode3MidJobKeepsTheBits()
    {
        string database = ThrowawayPostgres.Instance.NewDatabase();
        string db = Path.Combine(Path.GetTempPath(), $"carbon-cluster-{Guid.NewGuid():N}");
        int[] siloPorts = [FreePorts.Next(), FreePorts.Next(), FreePorts.Next()];
        var starting = siloPorts.Select((port, i) => Task.Run(() => ChildServer.Start($"{db}-{i}.db", "--Carbon:Cluster:Mode=postgres",
            $"--Carbon:PostgresConnectionString={database}", $"--Carbon:Cluster:SiloPort={port}", $"--Carbon:Cluster:GatewayPort={FreePorts.Next()}",
            "--Logging:LogLevel:Orleans=Warning"))).ToArray();
        try
        {
            var nodes = await Task.WhenAll(starting);
            await UntilActiveSilos(database, 3);

            var (spread, _) = await Sensitivities(nodes[0].Address, new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 8_192) }, onProgress: null);
            Assert.Equal(3, spread.Cluster.ShardsByNode.Count);

            var request = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths: 65_536) };
            var (killed, progress) = await Sensitivities(nodes[0].Address, request, onProgress: () => nodes[2].Process.Kill());

            Assert.True(nodes[2].Process.HasExited, "node 3 was killed before the job ended");
            Assert.Equal(64, killed.Cluster.Shards);
            Assert.Equal(64, killed.Cluster.ShardsByNode.Values.Sum());
            Assert.True(killed.Cluster.Retried >= 1, "the shards node 3 had running were run again");
            // The progress stream kept going past the kill, never backwards.
            Assert.True(progress.Count >= 2 && progress[^1] > progress[0], $"progress after the kill: {string.Join(", ", progress)}");
            Assert.True(progress.Zip(progress.Skip(1)).All(p => p.Second >= p.First), $"progress went backwards: {string.Join(", ", progress)}");
            killed.Cluster = null;
            Assert.Equal(ClusterReference.SingleNode(request), ClusterBook.WithoutTimings(killed));
        }
        finally
        {
            foreach (var node in starting.Where(t => t.IsCompletedSuccessfully)) (await node).Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*")) File.Delete(file);
        }
    }

    /// <summary>Waits until the membership table (Orleans ADO.NET clustering) lists <paramref name="count"/> active silos.</summary>
    private static async Task UntilActiveSilos(string database, int count)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var query = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3", connection); // 3 = Active
            if ((long)(await query.ExecuteScalarAsync())! >= count) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the cluster did not reach {count} active silos");
            await Task.Delay(100);
        }
    }

    /// <summary>The streamed result of a Sensitivities call, and the progress fractions from the one at which
    /// <paramref name="onProgress"/> ran (once, at the first progress past 0) on.</summary>
    private static async Task<(SensitivitiesResult Result, List<double> ProgressFromTheCall)> Sensitivities(string address, SensitivitiesRequest request,
        Action? onProgress)
    {
        var progress = new List<double>();
        using var channel = TestCredentials.Channel(address);
        using var call = new RiskService.RiskServiceClient(channel).Sensitivities(request);
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            if (update.Progress is { Fraction: > 0 and < 1 } && onProgress is not null)
            {
                onProgress();
                onProgress = null;
                progress.Add(update.Progress.Fraction);
            }
            else if (update.Progress is not null && progress.Count > 0) progress.Add(update.Progress.Fraction);
            result = update.Result ?? result;
        }
        return (result!, progress);
    }
}

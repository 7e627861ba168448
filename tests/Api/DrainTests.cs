using System.Diagnostics;
using System.Runtime.InteropServices;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit;
using Xunit.Abstractions;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Graceful drain of the real server process: SIGTERM while 4 Monte Carlo calls run. Health turns NOT_SERVING, a new
/// Monte Carlo call gets UNAVAILABLE, a write during the drain is acknowledged and kept, all 4 calls complete with
/// their results, and the process exits 0.
/// </summary>
[Collection("server")]
public sealed partial class DrainTests(ITestOutputHelper output) : IDisposable
{
    private const int Sigterm = 15;

    /// <summary>Paths x steps of each call: a few seconds each, four at once on two cores.</summary>
    private const long Paths = 2_000_000;
    private const int Steps = 24;

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-drain-{Guid.NewGuid():N}.db");

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task Sigterm_During4MonteCarloCalls_AllCompleteNewOnesUnavailableWritesKeptExitZero()
    {
        using var server = ChildServer.Start(_database, "--Carbon:MaxConcurrentSimulations=4", "--Carbon:Drain:GraceSeconds=60");
        using var channel = TestCredentials.Channel(server.Address);
        var pricing = new PricingService.PricingServiceClient(channel);
        var health = new Health.HealthClient(channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

        var clock = Stopwatch.StartNew();
        var running = Enumerable.Range(0, 4).Select(i => pricing.PriceAsync(Requests.EuaDec26(id: $"drain-{i}").MonteCarlo(Paths, Steps, seed: (ulong)i)).ResponseAsync).ToArray();
        await WaitUntilRunning(server.Address, 4);
        Assert.Equal(0, Kill(server.Process.Id, Sigterm));
        double signalled = clock.Elapsed.TotalSeconds;

        await WaitFor(async () => (await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.NotServing);
        var refused = await Assert.ThrowsAsync<RpcException>(() => pricing.PriceAsync(Requests.EuaDec26().MonteCarlo(10_000)).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        var written = new PutSnapshotRequest { SnapshotId = "during-drain", Market = Requests.InlineMarket() };
        await new MarketDataService.MarketDataServiceClient(channel).PutSnapshotAsync(written);
        Assert.False(running.Any(r => r.IsCompleted), "the Monte Carlo calls finished before the checks: make them longer");

        var replies = await Task.WhenAll(running);
        Assert.All(replies, r => Assert.True(r.Value > 0 && r.Paths == Paths));
        Assert.True(server.Process.WaitForExit(30_000), "the server did not exit after draining");
        Assert.Equal(0, server.Process.ExitCode);
        output.WriteLine($"SIGTERM at {signalled:F1} s with 4 calls running; they finished, and the process exited 0, at {clock.Elapsed.TotalSeconds:F1} s");

        var (app, address) = await InProcessServer.StartAsync(_database);
        await using var _ = app;
        using var restarted = TestCredentials.Channel(address);
        Assert.Equal(written.Market, await new MarketDataService.MarketDataServiceClient(restarted).GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = "during-drain" }));
    }

    /// <summary>Until the gate reports <paramref name="simulations"/> running (the Prometheus gauge).</summary>
    private static async Task WaitUntilRunning(string address, int simulations)
    {
        using var http = Wire.GrpcWire.Client();
        await WaitFor(async () => (await http.GetStringAsync(address + "/metrics")).Split('\n')
            .Any(l => l.StartsWith("carbon_simulation_running", StringComparison.Ordinal) && l.TrimEnd().EndsWith($" {simulations}", StringComparison.Ordinal)));
    }

    private static async Task WaitFor(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not hold within 20 s");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }
}

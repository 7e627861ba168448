using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using CarbonDerivatives.Tests.Support;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Saved snapshots live in SQLite (or PostgreSQL): they survive a restart, and a server killed with SIGKILL in the middle
/// of a batch of saves keeps every acknowledged save in a database that opens clean, with either store.
/// </summary>
[Collection("server")]
public sealed class PersistenceTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-persist-{Guid.NewGuid():N}.db");

    /// <summary>The default market with the EUA Dec-26 price set to <paramref name="euaDec26"/>: a distinct document per save.</summary>
    private static MarketData Market(double euaDec26)
    {
        var market = DefaultMarket.Message();
        market.Futures.Single(c => c.Underlying == "EUA").Quotes[0].Price = euaDec26;
        return market;
    }

    private async Task<(WebApplication App, GrpcChannel Channel)> StartInProcess(params string[] extraArguments)
    {
        var (app, address) = await InProcessServer.StartAsync(_database, extraArguments);
        return (app, TestCredentials.Channel(address));
    }

    private static async Task Stop(WebApplication app, GrpcChannel channel)
    {
        channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public void SqliteDocumentStore_StampsEachSaveWithItsTimeProvider()
    {
        var clock = new FixedClock(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        new SqliteDocumentStore(_database, clock).Put("snapshot", "a", [1]);
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT saved_utc FROM documents WHERE kind = 'snapshot' AND id = 'a';";
        Assert.Equal("2031-05-06T07:08:09.0000000Z", command.ExecuteScalar());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void SqliteDocumentStore_PutOverwriteDelete_ReadsBackWhatWasWritten()
    {
        var store = new SqliteDocumentStore(_database);
        store.Put("snapshot", "b", [1, 2, 3]);
        store.Put("snapshot", "a", [4]);
        store.Put("spec", "a", [5]);
        store.Put("snapshot", "b", [6, 7]);
        Assert.Equal([6, 7], store.Get("snapshot", "b"));
        Assert.Equal(["a", "b"], store.All("snapshot").Select(d => d.Id));
        Assert.True(store.Delete("snapshot", "a"));
        Assert.False(store.Delete("snapshot", "a"));
        Assert.Null(store.Get("snapshot", "a"));
        Assert.Equal([5], store.Get("spec", "a"));
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public async Task SavedSnapshotAndPortfolio_SurviveARestart_IdenticalAndUsable()
    {
        var saved = Market(71.25);
        var book = new Portfolio
        {
            ReportingCurrency = "EUR",
            Positions =
            {
                new Position
                {
                    Id = "f", Lots = 2, Side = PositionSide.Short,
                    Instrument = new Instrument { Future = new AllowanceFuture { Underlying = "EUA", Delivery = "2026-12-21", LotSize = 1000, Currency = "EUR", TradePrice = 70 } },
                },
            },
        };
        var (app, channel) = await StartInProcess();
        await new MarketDataService.MarketDataServiceClient(channel).PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = "kept", Market = saved });
        await new RiskService.RiskServiceClient(channel).SavePortfolioAsync(new SavePortfolioRequest { PortfolioId = "book", Portfolio = book });
        await Stop(app, channel);

        (app, channel) = await StartInProcess();
        var market = new MarketDataService.MarketDataServiceClient(channel);
        Assert.Equal(saved, await market.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = "kept" }));
        Assert.Contains("kept", (await market.ListSnapshotsAsync(new ListSnapshotsRequest())).SnapshotIds);
        var request = Requests.EuaDec26();
        request.Market = new MarketSource { SnapshotId = "kept" };
        var kept = await new PricingService.PricingServiceClient(channel).PriceAsync(request);
        request.Market = new MarketSource { SnapshotId = "default" };
        var original = await new PricingService.PricingServiceClient(channel).PriceAsync(request);
        Assert.True(kept.Value > original.Value, "a higher EUA price gives a dearer call: the kept snapshot is the one priced");
        Assert.Equal(book, await new RiskService.RiskServiceClient(channel).GetPortfolioAsync(new GetPortfolioRequest { PortfolioId = "book" }));
        await Stop(app, channel);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task KilledMidBatch_EveryAcknowledgedSaveIsPresentAndTheDatabaseOpensClean(string store)
    {
        string[] storeArguments = store == "postgres"
            ? ["--Carbon:Store=postgres", $"--Carbon:PostgresConnectionString={ThrowawayPostgres.Instance.NewDatabase()}"]
            : [];
        using var server = ChildServer.Start(_database, storeArguments);
        using var channel = TestCredentials.Channel(server.Address);
        var client = new MarketDataService.MarketDataServiceClient(channel);
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        using var stop = new CancellationTokenSource();

        async Task Writer(int writer)
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                string id = $"w{writer}-{i}";
                double price = 60 + writer + i / 1000.0;
                try
                {
                    await client.PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = id, Market = Market(price) }, cancellationToken: stop.Token);
                    acknowledged[id] = price;
                }
                catch (RpcException)
                {
                    return; // the server died under this call: its save may or may not have landed
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(Writer).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (acknowledged.Count < 40 && DateTime.UtcNow < deadline) await Task.Delay(10);
        server.Process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
        await server.Process.WaitForExitAsync();
        stop.Cancel();
        await Task.WhenAll(writers);
        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} saves were acknowledged before the kill");

        SqliteConnection.ClearAllPools();
        if (store == "sqlite") Assert.Equal("ok", new SqliteDocumentStore(_database).IntegrityCheck());
        var (app, restarted) = await StartInProcess(storeArguments);
        var market = new MarketDataService.MarketDataServiceClient(restarted);
        foreach (var (id, price) in acknowledged)
            Assert.Equal(Market(price), await market.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = id }));
        await Stop(app, restarted);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }
}

using CarbonDerivatives.Protos.V1;
using Grpc.Net.Client;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>A spec saved through SpecService is in SQLite: after a restart it reads back as sent and is usable.</summary>
[Collection("server")]
public sealed class SpecPersistenceTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-specs-{Guid.NewGuid():N}.db");

    private async Task<T> WithServer<T>(Func<SpecService.SpecServiceClient, Task<T>> body)
    {
        var (started, address) = await InProcessServer.StartAsync(_database);
        await using var app = started;
        using var channel = TestCredentials.Channel(address);
        try
        {
            return await body(new SpecService.SpecServiceClient(channel));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task SavedSpec_SurvivesARestart_IdenticalAndUsable()
    {
        string json = "// a saved variant; comments are kept\n" +
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "spec-eua-futures-margin.json"));
        var saved = await WithServer(c => c.SaveSpecAsync(new SaveSpecRequest { SpecJson = json }).ResponseAsync);
        Assert.Equal("LAB-EUA-FUT", saved.Code);
        Assert.False(saved.Replaced);

        var (document, calendar) = await WithServer(async c => (
            await c.GetSpecAsync(new GetSpecRequest { Code = "LAB-EUA-FUT" }),
            await c.ListingCalendarAsync(new ListingCalendarRequest { Spec = new SpecReference { Code = "LAB-EUA-FUT" }, FromDate = "2026-12-01", Count = 1 })));
        Assert.Equal(json, document.SpecJson);
        Assert.Equal(SpecOrigin.Saved, document.Summary.Origin);
        Assert.Equal("2026-12-21", calendar.Contracts.Single().LastTradingDay);

        await WithServer(async c => await c.DeleteSpecAsync(new DeleteSpecRequest { Code = "LAB-EUA-FUT" }));
        var after = await WithServer(async c => await c.ListSpecsAsync(new ListSpecsRequest()));
        Assert.DoesNotContain(after.Specs, s => s.Code == "LAB-EUA-FUT");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }
}

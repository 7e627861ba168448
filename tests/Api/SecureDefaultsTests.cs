using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CarbonDerivatives.Api.Audit;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Security;
using CarbonDerivatives.Protos.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Secure by default: with nothing configured the server reads openly on loopback and prints a development key that
/// writes need; off loopback it refuses to start without TLS and credentials (unless --insecure); every write is
/// audited with principal, kind, id and the stored bytes' hash.
/// </summary>
[Collection("server")]
public sealed partial class SecureDefaultsTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-secure-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task NothingConfigured_ReadsOpenWritesNeedThePrintedDevelopmentKey()
    {
        var logs = new LogCapture();
        await using var app = CarbonServer.Build(["--urls", "http://127.0.0.1:0", "--Carbon:WebUrls=", $"--Carbon:DatabasePath={_database}", "--Logging:LogLevel:Default=Warning"]);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        string key = DevelopmentKeyIn(logs).Groups[1].Value;

        using var anonymous = TestCredentials.Channel(address, apiKey: null);
        Assert.True((await new PricingService.PricingServiceClient(anonymous).PriceAsync(Requests.EuaDec26())).Value > 0);
        var put = new PutSnapshotRequest { SnapshotId = "dev", Market = Requests.InlineMarket() };
        var refused = await Assert.ThrowsAsync<RpcException>(() => new MarketDataService.MarketDataServiceClient(anonymous).PutSnapshotAsync(put).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("writer", refused.Status.Detail, StringComparison.Ordinal);

        using var developer = TestCredentials.Channel(address, key);
        await new MarketDataService.MarketDataServiceClient(developer).PutSnapshotAsync(put);
        await new MarketDataService.MarketDataServiceClient(developer).DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = "dev" });
        await app.StopAsync();
    }

    [Fact]
    public async Task DevelopmentKey_NewForEveryStart()
    {
        string Key(LogCapture logs) => DevelopmentKeyIn(logs).Groups[1].Value;
        var first = new LogCapture();
        var second = new LogCapture();
        foreach (var logs in new[] { first, second })
        {
            await using var app = CarbonServer.Build(["--urls", "http://127.0.0.1:0", "--Carbon:Store=memory", "--Logging:LogLevel:Default=Warning"]);
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
            await app.StartAsync();
            await app.StopAsync();
        }
        Assert.NotEqual(Key(first), Key(second));
    }

    [Theory]
    [InlineData("http://0.0.0.0:0", new string[0], "Carbon:Tls:CertificatePath", "Carbon:Security:ApiKeys")]
    [InlineData("http://[::]:0", new[] { "--Carbon:Security:ApiKeys:0:Name=k", "--Carbon:Security:ApiKeys:0:Role=reader",
        "--Carbon:Security:ApiKeys:0:Sha256=0000000000000000000000000000000000000000000000000000000000000000" }, "Carbon:Tls:CertificatePath", null)]
    [InlineData("https://*:0", new string[0], "Carbon:Security:ApiKeys", null)]
    public void OffLoopbackWithoutTlsOrCredentials_RefusesToStartNamingTheSettings(string url, string[] settings, string named, string? alsoNamed)
    {
        var refused = Assert.Throws<UnsafeBindingException>(() => CarbonServer.Build(["--urls", url, "--Carbon:Store=memory", .. settings]));
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        if (alsoNamed is not null) Assert.Contains(alsoNamed, refused.Message, StringComparison.Ordinal);
        Assert.Contains("--insecure", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffLoopbackWithInsecure_BuildsAndSaysSoLoudly()
    {
        // Built, not started: nothing listens beyond this machine.
        await using var app = CarbonServer.Build(["--urls", "http://0.0.0.0:0", "--Carbon:Store=memory", InsecureFlag.Flag]);
        Assert.True(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.Insecure);
    }

    [Fact]
    public async Task EveryWrite_AuditedWithPrincipalKindIdAndContentHash_RefusedWritesNeither()
    {
        var logs = new LogCapture();
        var (app, address) = await InProcessServer.StartAsync(_database, $"--Logging:LogLevel:{AuditedDocumentStore.Category}=Information");
        await using var _ = app;
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        var market = Requests.InlineMarket();
        var put = new PutSnapshotRequest { SnapshotId = "audited", Market = market };

        using var reader = TestCredentials.Channel(address, TestCredentials.ReaderKey);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new MarketDataService.MarketDataServiceClient(reader).PutSnapshotAsync(put).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.DoesNotContain(logs.Entries, e => e.Category == AuditedDocumentStore.Category);

        using var writer = TestCredentials.Channel(address, TestCredentials.WriterKey);
        await new MarketDataService.MarketDataServiceClient(writer).PutSnapshotAsync(put);
        using var admin = TestCredentials.Channel(address, TestCredentials.AdminKey);
        await new MarketDataService.MarketDataServiceClient(admin).DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = "audited" });

        string hash = Convert.ToHexStringLower(SHA256.HashData(market.ToByteArray()));
        var audit = logs.Entries.Where(e => e.Category == AuditedDocumentStore.Category).Select(e => e.Message).ToList();
        Assert.Equal(
        [
            $"audit principal=ApiKey:test-writer role=writer action=put kind=snapshot id=audited sha256={hash} bytes={market.CalculateSize()}",
            $"audit principal=ApiKey:test-admin role=admin action=delete kind=snapshot id=audited sha256={hash} bytes={market.CalculateSize()}",
        ], audit);
    }

    private static Match DevelopmentKeyIn(LogCapture logs)
    {
        var match = logs.Entries.Select(e => DevelopmentKeyLine().Match(e.Message)).FirstOrDefault(m => m.Success);
        Assert.True(match is not null, "no development key in the start-up log");
        return match;
    }

    [GeneratedRegex(@"development key (carbon-dev-[A-Za-z0-9_-]{32})")]
    private static partial Regex DevelopmentKeyLine();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }
}

using CarbonDerivatives.Api.Security;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api.Wire;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Every RPC of every carbon.v1 service against every kind of caller, on a server with API keys and JWTs and no
/// anonymous access: each role may call exactly what its rank allows (reader: reads, pricing and risk; writer: also
/// put and save; admin: also deletes and spec-library changes); no, expired, badly signed or foreign tokens and
/// unknown keys are UNAUTHENTICATED; a role too low is PERMISSION_DENIED; a refused write writes nothing; health and
/// reflection stay open.
/// </summary>
[Collection("server")]
public sealed class RoleMatrixTests : IAsyncLifetime
{
    /// <summary>The role each RPC needs, written out here as the test's own reference (not read from the attributes).</summary>
    private static readonly Dictionary<string, string> Needed = new(StringComparer.Ordinal)
    {
        ["PutSnapshot"] = CarbonRoles.Writer, ["SavePortfolio"] = CarbonRoles.Writer,
        ["DeleteSnapshot"] = CarbonRoles.Admin, ["DeletePortfolio"] = CarbonRoles.Admin,
        ["SaveSpec"] = CarbonRoles.Admin, ["DeleteSpec"] = CarbonRoles.Admin,
    };

    private static readonly (string Caller, (string, string)? Credential)[] Unauthenticated =
    [
        ("no credentials", null),
        ("unknown API key", GrpcWire.ApiKey("not-a-key-of-this-server")),
        ("expired token", GrpcWire.Bearer(TestTokens.Expired(CarbonRoles.Admin))),
        ("badly signed token", GrpcWire.Bearer(TestTokens.BadlySigned(CarbonRoles.Admin))),
        ("token of another issuer", GrpcWire.Bearer(TestTokens.ForeignIssuer(CarbonRoles.Admin))),
        ("malformed token", GrpcWire.Bearer("abc.def.ghi")),
    ];

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-roles-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private string _address = "";

    public async Task InitializeAsync() =>
        (_app, _address) = await InProcessServer.StartAsync(_database, [.. TestTokens.ServerArguments, "--Carbon:Security:AnonymousRole=none"]);

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private static string NeededBy(CarbonRpc rpc) => Needed.GetValueOrDefault(rpc.Method.Name, CarbonRoles.Reader);

    private static int Rank(string role) => CarbonRoles.All.ToList().IndexOf(role);

    /// <summary>Each role with an API key and with a JWT.</summary>
    private static IEnumerable<(string Caller, string Role, (string, string) Credential)> Principals() => CarbonRoles.All.SelectMany(role => new[]
    {
        ($"{role} API key", role, GrpcWire.ApiKey(TestCredentials.KeyOf[role])),
        ($"{role} JWT", role, GrpcWire.Bearer(TestTokens.For($"jwt-{role}", [role]))),
    });

    [Fact]
    public async Task EveryRpc_EveryCaller_AllowedExactlyByRoleAndRefusalsWriteNothing()
    {
        using var http = GrpcWire.Client();
        Assert.Equal(5, CarbonRpcs.Services.Count);
        var failures = new List<string>();
        async Task<WireReply> Call(CarbonRpc rpc, (string, string)? credential) =>
            await GrpcWire.CallAsync(http, _address, rpc, GrpcWire.Frame(rpc.Seed().ToByteArray()), credential);

        // Refusals first: nothing may be written by them.
        foreach (var rpc in CarbonRpcs.All)
        {
            foreach (var (caller, credential) in Unauthenticated)
            {
                var reply = await Call(rpc, credential);
                if (reply.Status != StatusCode.Unauthenticated) failures.Add($"{rpc} by {caller}: {reply.Status} {reply.Message} (expected UNAUTHENTICATED)");
            }
            foreach (var (caller, role, credential) in Principals().Where(p => Rank(p.Role) < Rank(NeededBy(rpc))))
            {
                var reply = await Call(rpc, credential);
                if (reply.Status != StatusCode.PermissionDenied || !reply.Message.Contains(NeededBy(rpc), StringComparison.Ordinal))
                    failures.Add($"{rpc} by {caller}: {reply.Status} {reply.Message} (expected PERMISSION_DENIED naming {NeededBy(rpc)})");
            }
        }
        await AssertNothingWritten();

        // Then every allowed caller: anything but a refusal (a delete of something absent is NOT_FOUND, and so on).
        foreach (var rpc in CarbonRpcs.All)
        foreach (var (caller, role, credential) in Principals().Where(p => Rank(p.Role) >= Rank(NeededBy(rpc))))
        {
            var reply = await Call(rpc, credential);
            if (reply.Status is null or StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.Unknown or StatusCode.Internal)
                failures.Add($"{rpc} by {caller}: {reply.Status} {reply.Message} (expected to be let through)");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task CalibrateVolSurface_FitsForAReader_SavingNeedsAWriter_AndARefusedSaveWritesNothing()
    {
        using var http = GrpcWire.Client();
        var rpc = CarbonRpcs.Get("CalibrateVolSurface");
        var saving = GrpcWire.Frame(CalibrateVolSurfaceTests.EuaRequest("default").ToByteArray());
        using var channel = TestCredentials.Channel(_address);
        var market = new MarketDataService.MarketDataServiceClient(channel);
        var before = await market.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = "default" });
        foreach (var (caller, role, credential) in Principals().Where(p => p.Role == CarbonRoles.Reader))
        {
            var fit = await GrpcWire.CallAsync(http, _address, rpc, GrpcWire.Frame(CalibrateVolSurfaceTests.EuaRequest().ToByteArray()), credential);
            Assert.True(fit.Status == StatusCode.OK, $"{caller} fitting: {fit.Status} {fit.Message}");
            var save = await GrpcWire.CallAsync(http, _address, rpc, saving, credential);
            Assert.Equal(StatusCode.PermissionDenied, save.Status);
            Assert.Contains("writer", save.Message, StringComparison.Ordinal);
        }
        Assert.Equal(StatusCode.Unauthenticated, (await GrpcWire.CallAsync(http, _address, rpc, saving, null)).Status);
        Assert.Equal(before, await market.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = "default" }));
    }

    [Fact]
    public async Task ExpiredToken_Refused_WithTheReason()
    {
        using var http = GrpcWire.Client();
        var reply = await GrpcWire.CallAsync(http, _address, CarbonRpcs.Get("Price"), GrpcWire.Frame(Requests.EuaDec26().ToByteArray()),
            GrpcWire.Bearer(TestTokens.Expired(CarbonRoles.Reader)));
        Assert.Equal(StatusCode.Unauthenticated, reply.Status);
        Assert.Contains("expired", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAndReflection_OpenWithoutCredentials()
    {
        using var channel = TestCredentials.Channel(_address, apiKey: null);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        using var reflection = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains(reflection.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "carbon.v1.PricingService");
    }

    private async Task AssertNothingWritten()
    {
        using var channel = TestCredentials.Channel(_address);
        var snapshots = await new MarketDataService.MarketDataServiceClient(channel).ListSnapshotsAsync(new ListSnapshotsRequest());
        Assert.Equal(["default"], snapshots.SnapshotIds);
        var portfolios = await new RiskService.RiskServiceClient(channel).ListPortfoliosAsync(new ListPortfoliosRequest());
        Assert.Empty(portfolios.PortfolioIds);
        var specs = await new SpecService.SpecServiceClient(channel).ListSpecsAsync(new ListSpecsRequest());
        Assert.DoesNotContain(specs.Specs, s => s.Code == CarbonRpcs.SavedSpecCode);
    }
}

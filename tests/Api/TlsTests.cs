using CarbonDerivatives.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// TLS with certificates generated for the test (CertificateRequest): HTTP/2 over TLS with a PEM certificate,
/// plaintext refused on the TLS port, and client certificates from a private CA mapped to a principal and its role.
/// </summary>
[Collection("server")]
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-tls-{Guid.NewGuid():N}.db");

    private async Task<(WebApplication App, string Address)> StartTls(params string[] extra)
    {
        var (certificate, key) = _certificates.Server();
        return await InProcessServer.StartAsync(_database, ["--urls", "https://127.0.0.1:0", "--Carbon:Store=memory",
            $"--Carbon:Tls:CertificatePath={certificate}", $"--Carbon:Tls:KeyPath={key}", .. extra]);
    }

    [Fact]
    public async Task PemCertificate_Http2OverTlsServesAndPlaintextIsRefused()
    {
        var (app, address) = await StartTls();
        await using var _ = app;
        Assert.StartsWith("https://", address, StringComparison.Ordinal);

        using var secure = TestCredentials.Channel(address, handler: _certificates.TrustingHandler());
        var reply = await new PricingService.PricingServiceClient(secure).PriceAsync(Requests.EuaDec26());
        Assert.True(reply.Value > 0);

        using var plaintext = GrpcChannel.ForAddress(address.Replace("https://", "http://", StringComparison.Ordinal));
        var refused = await Assert.ThrowsAsync<RpcException>(() => new PricingService.PricingServiceClient(plaintext).PriceAsync(Requests.EuaDec26()).ResponseAsync);
        // The TLS listener answers a plaintext HTTP/2 preface with no HTTP at all: the client reports a broken connection.
        Assert.Contains(refused.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });

        using var untrusting = GrpcChannel.ForAddress(address); // the system's trust store does not know the test CA
        var untrusted = await Assert.ThrowsAsync<RpcException>(() => new PricingService.PricingServiceClient(untrusting).PriceAsync(Requests.EuaDec26()).ResponseAsync);
        Assert.Contains(untrusted.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal }); // the TLS handshake fails
    }

    [Fact]
    public async Task Cli_HttpsWithCaCertificate_Serves_WithoutIt_Fails()
    {
        var (app, address) = await StartTls();
        await using var _ = app;
        var trusted = await Cli.CliRunner.RunAsync(address, null, "market", "list", "--ca-certificate", _certificates.AuthorityPem);
        Assert.Equal(0, trusted.ExitCode);
        Assert.Contains("default", trusted.Table + trusted.Json, StringComparison.Ordinal);
        var untrusted = await Cli.CliRunner.RunAsync(address, null, "market", "list");
        Assert.Equal(1, untrusted.ExitCode);
    }

    [Fact]
    public async Task PfxCertificateWithPassword_Serves()
    {
        string pfx = _certificates.ServerPfx("s3cret");
        var (app, address) = await InProcessServer.StartAsync(_database, "--urls", "https://127.0.0.1:0", "--Carbon:Store=memory",
            $"--Carbon:Tls:CertificatePath={pfx}", "--Carbon:Tls:Password=s3cret");
        await using var _ = app;
        using var secure = TestCredentials.Channel(address, handler: _certificates.TrustingHandler());
        Assert.True((await new PricingService.PricingServiceClient(secure).PriceAsync(Requests.EuaDec26())).Value > 0);
    }

    [Fact]
    public async Task ClientCertificate_FromTheTrustedCa_IsItsPrincipalAndRole_OthersAreUnauthenticated()
    {
        var (app, address) = await StartTls("--Carbon:Tls:ClientCertificates=allow", $"--Carbon:Tls:ClientCertificateAuthorityPath={_certificates.AuthorityPem}",
            "--Carbon:Security:Certificates:0:Subject=CN=pricing-gateway", "--Carbon:Security:Certificates:0:Name=pricing-gateway",
            "--Carbon:Security:Certificates:0:Role=writer", "--Carbon:Security:AnonymousRole=none");
        await using var _ = app;
        var put = new PutSnapshotRequest { SnapshotId = "via-certificate", Market = Requests.InlineMarket() };

        using var gateway = TestCredentials.Channel(address, apiKey: null, _certificates.TrustingHandler(_certificates.Client("CN=pricing-gateway")));
        await new MarketDataService.MarketDataServiceClient(gateway).PutSnapshotAsync(put);
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            new MarketDataService.MarketDataServiceClient(gateway).DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = "via-certificate" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        using var unknownSubject = TestCredentials.Channel(address, apiKey: null, _certificates.TrustingHandler(_certificates.Client("CN=somebody-else")));
        Assert.Equal(StatusCode.Unauthenticated, (await Refusal(unknownSubject, put)).StatusCode);

        using var otherCa = new TestCertificates("CN=Another CA");
        using var foreign = TestCredentials.Channel(address, apiKey: null, _certificates.TrustingHandler(otherCa.Client("CN=pricing-gateway")));
        Assert.Equal(StatusCode.Unauthenticated, (await Refusal(foreign, put)).StatusCode);

        using var none = TestCredentials.Channel(address, apiKey: null, _certificates.TrustingHandler());
        Assert.Equal(StatusCode.Unauthenticated, (await Refusal(none, put)).StatusCode);
    }

    private static Task<RpcException> Refusal(GrpcChannel channel, PutSnapshotRequest put) =>
        Assert.ThrowsAsync<RpcException>(() => new MarketDataService.MarketDataServiceClient(channel).PutSnapshotAsync(put).ResponseAsync);

    public void Dispose() => _certificates.Dispose();
}

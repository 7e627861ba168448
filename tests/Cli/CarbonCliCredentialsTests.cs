extern alias cli;
using CarbonDerivatives.Tests.Api;
using Xunit;

namespace CarbonDerivatives.Tests.Cli;

/// <summary>`carbon --api-key`: writes without a key are UNAUTHENTICATED with a hint, a reader's key is PERMISSION_DENIED, a writer's key saves.</summary>
[Collection("server")]
public sealed class CarbonCliCredentialsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string Market = Path.Combine(AppContext.BaseDirectory, "samples", "market-sample.json");

    [Fact]
    public async Task MarketPut_WithoutKey_UnauthenticatedWithAHint()
    {
        var result = await CliRunner.RunAsync(server.Address, null, "market", "put", "cli-creds", Market, "--api-key", "");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UNAUTHENTICATED", result.Errors, StringComparison.Ordinal);
        Assert.Contains("--api-key KEY", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarketPut_ReaderKey_PermissionDenied_WriterKey_Saved()
    {
        var denied = await CliRunner.RunAsync(server.Address, null, "market", "put", "cli-creds", Market, "--api-key", TestCredentials.ReaderKey);
        Assert.Equal(1, denied.ExitCode);
        Assert.Contains("PERMISSION_DENIED", denied.Errors, StringComparison.Ordinal);
        Assert.Contains("writer", denied.Errors, StringComparison.Ordinal);

        var saved = await CliRunner.RunAsync(server.Address, null, "market", "put", "cli-creds", Market, "--api-key", TestCredentials.WriterKey);
        Assert.Equal(0, saved.ExitCode);
        var listed = await CliRunner.RunAsync(server.Address, null, "market", "list", "--api-key", TestCredentials.ReaderKey);
        Assert.Contains("cli-creds", listed.Table + listed.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_OverPlaintextBeyondLoopback_RefusedBeforeAnyConnection()
    {
        // Open only builds the channel: it refuses here, so nothing is ever sent to the (documentation-range) address.
        var refused = Assert.Throws<cli::CarbonDerivatives.Cli.UsageException>(() => cli::CarbonDerivatives.Cli.Connection.ServerConnection.Open(
            "http://198.51.100.7:5080", null, new cli::CarbonDerivatives.Cli.Connection.CallerCredentials("k", null)));
        Assert.Contains("https://", refused.Message, StringComparison.Ordinal);
    }
}

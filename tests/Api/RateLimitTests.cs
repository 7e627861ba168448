using CarbonDerivatives.Api.Limits;
using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Per-principal budgets: readers get 5 calls at once (1 a second after), writers 300,000 Monte Carlo path-steps at
/// once (1,000 a second after). Over the budget a principal gets RESOURCE_EXHAUSTED with a QuotaFailure naming the
/// limit and a RetryInfo; another principal, even of the same role, is unaffected.
/// </summary>
[Collection("server")]
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-limits-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private string _address = "";

    public async Task InitializeAsync() => (_app, _address) = await InProcessServer.StartAsync(_database, "--Carbon:Store=memory",
        "--Carbon:RateLimits:Reader:CallsPerSecond=1", "--Carbon:RateLimits:Reader:CallBurst=5",
        "--Carbon:RateLimits:Writer:PathStepsPerSecond=1000", "--Carbon:RateLimits:Writer:PathStepBurst=300000");

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task Calls_OverTheReadersBurst_ResourceExhaustedWithRetryInfo_AnotherReaderUnaffected()
    {
        using var reader = TestCredentials.Channel(_address, TestCredentials.ReaderKey);
        var client = new PricingService.PricingServiceClient(reader);
        for (int i = 0; i < 5; i++) await client.PriceAsync(Requests.EuaDec26());
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.PriceAsync(Requests.EuaDec26()).ResponseAsync);
        AssertQuota(refused, "principal.calls", TimeSpan.FromSeconds(1.5));

        using var anonymous = TestCredentials.Channel(_address, apiKey: null); // also a reader, in a bucket of its own
        for (int i = 0; i < 5; i++) Assert.True((await new PricingService.PricingServiceClient(anonymous).PriceAsync(Requests.EuaDec26())).Value > 0);
    }

    [Fact]
    public async Task MonteCarlo_OverTheWritersPathSteps_ResourceExhaustedWithRetryInfo_AdminUnaffected()
    {
        using var writer = TestCredentials.Channel(_address, TestCredentials.WriterKey);
        var client = new PricingService.PricingServiceClient(writer);
        for (int i = 0; i < 3; i++) await client.PriceAsync(Requests.EuaDec26().MonteCarlo(100_000)); // 100,000 path-steps each
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.PriceAsync(Requests.EuaDec26().MonteCarlo(100_000)).ResponseAsync);
        AssertQuota(refused, SimulationQuota.Subject, TimeSpan.FromSeconds(120));
        Assert.True((await client.PriceAsync(Requests.EuaDec26())).Value > 0, "closed forms cost no path-steps");

        var tooLarge = await Assert.ThrowsAsync<RpcException>(() => client.PriceAsync(Requests.EuaDec26().MonteCarlo(100_000, steps: 4)).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, tooLarge.StatusCode);
        Assert.Null(tooLarge.GetRpcStatus()!.GetDetail<RetryInfo>()); // larger than the whole bucket: waiting would not help

        using var admin = TestCredentials.Channel(_address, TestCredentials.AdminKey);
        Assert.True((await new PricingService.PricingServiceClient(admin).PriceAsync(Requests.EuaDec26().MonteCarlo(100_000))).Value > 0);
    }

    private static void AssertQuota(RpcException refused, string subject, TimeSpan atMost)
    {
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        var status = refused.GetRpcStatus()!;
        Assert.Equal(subject, status.GetDetail<QuotaFailure>()!.Violations.Single().Subject);
        var retry = status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();
        Assert.InRange(retry, TimeSpan.FromMilliseconds(1), atMost);
    }
}

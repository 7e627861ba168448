using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>With one simulation slot and a 50 ms queue, a second Monte Carlo request is refused, not queued.</summary>
[Collection("server")]
public sealed class SaturationTests(SaturatedServerFixture server) : IClassFixture<SaturatedServerFixture>
{
    private readonly PricingService.PricingServiceClient _client = new(server.Channel);

    [Fact]
    public async Task Price_SecondSimulationWhileSaturated_ResourceExhaustedAndClosedFormsStillServed()
    {
        await _client.PriceAsync(Requests.EuaDec26().MonteCarlo(10_000)); // warm the channel and the JIT
        using var stop = new CancellationTokenSource();
        var longRun = _client.PriceAsync(Requests.LongSimulation(), cancellationToken: stop.Token).ResponseAsync;
        await Task.Delay(300);

        var e = await Assert.ThrowsAsync<RpcException>(() => _client.PriceAsync(Requests.EuaDec26().MonteCarlo(10_000)).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        var violation = e.GetRpcStatus()!.GetDetail<QuotaFailure>().Violations.Single();
        Assert.Equal("server.simulations", violation.Subject);
        Assert.Contains("1 simulations running", violation.Description);
        Assert.True((await _client.PriceAsync(Requests.EuaDec26())).Value > 0); // closed forms bypass the gate

        stop.Cancel();
        var cancelled = await Assert.ThrowsAsync<RpcException>(() => longRun);
        Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);
        await AssertSlotFreedWithin(TimeSpan.FromSeconds(2)); // the server stops the cancelled simulation too
    }

    private async Task AssertSlotFreedWithin(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                await _client.PriceAsync(Requests.EuaDec26().MonteCarlo(10_000));
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    [Fact]
    public async Task Price_AfterDeadlineStopsASimulation_TheSlotIsFreeWithinOneSecond()
    {
        await _client.PriceAsync(Requests.EuaDec26().MonteCarlo(10_000));
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            _client.PriceAsync(Requests.LongSimulation(), deadline: DateTime.UtcNow.AddMilliseconds(100)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        // The long simulation would hold the only slot for tens of seconds; freed within a second means it was stopped.
        // (Typically under 200 ms; the margin is for a loaded 2-core CI machine.)
        await AssertSlotFreedWithin(TimeSpan.FromSeconds(1));
    }
}

using System.Diagnostics;
using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>PricingService over a real Kestrel server on loopback, called with Grpc.Net.Client.</summary>
[Collection("server")]
public sealed class PricingServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly PricingService.PricingServiceClient _client = new(server.Channel);

    // ACT/365F from 2026-03-02 to the option expiry 2026-12-16.
    private const double Expiry = 289.0 / 365;

    [Fact]
    public async Task Price_InlineMarketAnalytic_EqualsQlnetBlackFormulaPerLot()
    {
        var request = Requests.EuaDec26(strike: 80);
        request.Market = new MarketSource { Inline = Requests.InlineMarket() };
        request.Greeks = true;
        var reply = await _client.PriceAsync(request);
        double df = Math.Exp(-0.03 * Expiry);
        double reference = 1000 * QLNet.Utils.blackFormula(QLNet.Option.Type.Call, 80, 80, 0.45 * Math.Sqrt(Expiry), df);
        Assert.Equal(reference, reply.Value, 1e-8 * reference);
        Assert.Equal(0, reply.StandardError);
        Assert.Equal("EUR", reply.Currency);
        Assert.Equal("analytic-black76", reply.Method);
        Assert.Equal("t1", reply.RequestId);
        Assert.Equal("analytic", reply.Greeks.Delta.Method);
        Assert.True(reply.Timing.TotalMs > 0);
    }

    [Fact]
    public async Task Price_MonteCarloAgainstSnapshot_WithinFourSEOfAnalytic()
    {
        var analytic = await _client.PriceAsync(Requests.EuaDec26());
        var mc = await _client.PriceAsync(Requests.EuaDec26().MonteCarlo(200_000, steps: 4));
        Assert.Equal("monte-carlo-black76", mc.Method);
        Assert.Equal(200_000, mc.Paths);
        Assert.True(Math.Abs(mc.Value - analytic.Value) < 4 * mc.StandardError, $"{mc.Value} ± {mc.StandardError} vs {analytic.Value}");
    }

    [Fact]
    public async Task Price_SameSeedTwice_BitIdentical()
    {
        var a = await _client.PriceAsync(Requests.EuaDec26().MonteCarlo(50_000, seed: 3));
        var b = await _client.PriceAsync(Requests.EuaDec26().MonteCarlo(50_000, seed: 3));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Value), BitConverter.DoubleToInt64Bits(b.Value));
    }

    [Fact]
    public async Task Price_OnEachBackend_SameBitsAndTheReplySaysWhichRan()
    {
        // README "GPU back end": the same seed draws the same paths on every back end.
        PriceRequest On(SimulationBackend backend)
        {
            var request = Requests.EuaDec26().MonteCarlo(4_096, seed: 3);
            request.MonteCarlo.Backend = backend;
            return request;
        }
        var cpu = await _client.PriceAsync(On(SimulationBackend.Cpu));
        var gpu = await _client.PriceAsync(On(SimulationBackend.Gpu));
        var auto = await _client.PriceAsync(On(SimulationBackend.Auto));
        var unspecified = await _client.PriceAsync(On(SimulationBackend.Unspecified)); // Carbon:Backend, cpu by default
        Assert.Equal("cpu", cpu.Backend);
        Assert.StartsWith("gpu (", gpu.Backend);
        Assert.True(auto.Backend == "cpu" || auto.Backend.EndsWith(", CUDA)"), auto.Backend); // never the CPU accelerator
        Assert.Equal("cpu", unspecified.Backend);
        foreach (var reply in new[] { gpu, auto, unspecified })
            Assert.Equal(BitConverter.DoubleToInt64Bits(cpu.Value), BitConverter.DoubleToInt64Bits(reply.Value));
        Assert.Equal("", (await _client.PriceAsync(Requests.EuaDec26())).Backend); // a closed form
    }

    [Fact]
    public async Task Price_MertonModel_EqualsTheLewisFourierIntegralPerLot()
    {
        var request = Requests.EuaDec26();
        request.Model = new Model { Merton = new MertonModel { JumpIntensity = 6.1, JumpMean = -0.029, JumpVolatility = 0.083 } };
        var reply = await _client.PriceAsync(request);
        Assert.Equal("analytic-merton", reply.Method);

        // The default snapshot's EUA Dec-26 forward, discount factor and term-structure vol at the expiry, priced
        // by the independent Lewis (2001) Fourier integral (Analytics/MertonFourierReference) for 1,000 t.
        var market = CarbonDerivatives.Api.Snapshots.DefaultMarket.Snapshot().Market;
        double vol = market.VolSurfaceFor("EUA").Volatility(Expiry, 75), df = market.Discount.DiscountFactor(Expiry);
        double reference = 1000 * Analytics.MertonFourierReference.Call(70.76, 75, Expiry, vol, 6.1, -0.029, 0.083, df);
        Assert.Equal(reference, reply.Value, 1e-7 * reference);
    }

    [Fact]
    public async Task PriceStream_BatchWithOneBadRequest_OneReplyPerRequestInOrder()
    {
        using var call = _client.PriceStream();
        var sent = Enumerable.Range(0, 20).Select(i => Requests.EuaDec26(strike: i == 7 ? -5 : 60 + i, id: $"r{i}")).ToArray();
        var reading = Task.Run(async () =>
        {
            var replies = new List<PriceResponse>();
            await foreach (var reply in call.ResponseStream.ReadAllAsync()) replies.Add(reply);
            return replies;
        });
        foreach (var request in sent) await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        var replies = await reading;

        Assert.Equal(sent.Select(r => r.RequestId), replies.Select(r => r.RequestId));
        Assert.Equal("INVALID_ARGUMENT", replies[7].Error.Code, ignoreCase: true);
        Assert.Equal("instrument.futures_option.strike", replies[7].Error.Field);
        Assert.All(replies.Where((_, i) => i != 7), r => Assert.True(r.Value > 0 && r.Error is null));
    }

    [Fact]
    public async Task Price_DeadlineOnLargeSimulation_DeadlineExceededWithin200Milliseconds()
    {
        // 10^9 path-steps would take seconds: the 100 ms deadline must stop it promptly.
        await _client.PriceAsync(Requests.EuaDec26().MonteCarlo(10_000)); // warm the channel and the JIT
        var request = Requests.LongSimulation();
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.PriceAsync(request, deadline: DateTime.UtcNow.AddMilliseconds(100)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.True(clock.ElapsedMilliseconds < 100 + 200, $"answered after {clock.ElapsedMilliseconds} ms");

        // The simulation really stopped: a small request right after is served at once.
        var quick = Stopwatch.StartNew();
        await _client.PriceAsync(Requests.EuaDec26().MonteCarlo(10_000));
        Assert.True(quick.ElapsedMilliseconds < 1000, $"follow-up took {quick.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData(9_000_000_000_000, 1, "monte_carlo.paths", "requested 9,000,000,000,000 paths, over the budget of 50,000,000 paths")]
    [InlineData(1_000_000_000, 1, "monte_carlo.paths", "requested 1,000,000,000 paths, over the budget of 50,000,000 paths")]
    [InlineData(20_000_000, 200, "monte_carlo.paths",
        "requested 4,000,000,000 path-steps (20,000,000 paths × 200 steps), over the budget of 2,000,000,000 path-steps")]
    [InlineData(1_000, 20_000, "grid.exercise_steps", "requested 20,000 steps, over the budget of 10,000 steps")]
    public async Task Price_OverBudget_ResourceExhaustedNamingTheRequestFieldAndComparingLikeWithLike(long paths, int steps, string field,
        string description)
    {
        // An American option: its Longstaff–Schwartz grid has the requested exercise steps (a European steps exactly, in one).
        var request = Requests.EuaDec26(OptionRight.Put, 80).MonteCarlo(paths);
        request.Instrument.FuturesOption.ExerciseStyle = ExerciseStyle.American;
        request.MonteCarlo.Steps = 0;
        request.Grid = new TimeGrid { ExerciseSteps = steps };
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.PriceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        var violation = e.GetRpcStatus()!.GetDetail<QuotaFailure>().Violations.Single();
        Assert.Equal(field, violation.Subject);
        Assert.Equal(description, violation.Description);
        Assert.Equal($"{field}: {description}", e.Status.Detail);
    }

    public static TheoryData<string, Action<PriceRequest>> InvalidRequests => new()
    {
        { "instrument.futures_option.strike", r => r.Instrument.FuturesOption.Strike = double.NaN },
        { "instrument.futures_option.lot_size", r => r.Instrument.FuturesOption.LotSize = -1000 },
        { "instrument.futures_option.expiry", r => r.Instrument.FuturesOption.Expiry = "16/12/2026" },
        { "instrument.futures_option.expiry", r => r.Instrument.FuturesOption.Expiry = "2025-12-16" },
        { "instrument.futures_option.right", r => r.Instrument.FuturesOption.Right = OptionRight.Unspecified },
        { "instrument", r => r.Instrument = null },
        { "market", r => r.Market = null },
        { "market.futures[UKX]", r => r.Instrument.FuturesOption.Underlying = "UKX" },
        { "monte_carlo.paths", r => r.MonteCarlo(-5) },
        { "monte_carlo.steps", r => r.MonteCarlo(1000, steps: -1) },
        { "model.merton.jump_intensity", r => r.Model = new Model { Merton = new MertonModel { JumpIntensity = -1 } } },
        { "quantity", r => r.Quantity = double.PositiveInfinity },
        { "monte_carlo.backend", r => { r.MonteCarlo(1024).MonteCarlo.Backend = SimulationBackend.Gpu; r.MonteCarlo.Random = RandomKind.SobolBrownianBridge; r.MonteCarlo.Paths = 1024; } },
        { "monte_carlo.backend", r => r.MonteCarlo(1024).MonteCarlo.Backend = (SimulationBackend)9 },
        { "monte_carlo.precision", r => { r.MonteCarlo(1024).MonteCarlo.Precision = SimulationPrecision.Single; r.Model = new Model { Merton = new MertonModel { JumpIntensity = 6, JumpMean = -0.03, JumpVolatility = 0.08 } }; } },
        { "monte_carlo.precision", r => r.MonteCarlo(1024).MonteCarlo.Precision = (SimulationPrecision)9 },
        { "monte_carlo.backend", r => { r.MonteCarlo(1024).MonteCarlo.Backend = SimulationBackend.Gpu; r.MonteCarlo.Precision = SimulationPrecision.Single; } },
        { "market.inline.volatilities[0].flat", r => { r.Market = new MarketSource { Inline = Requests.InlineMarket() }; r.Market.Inline.Volatilities[0].Flat = -0.4; } },
        { "market.inline.valuation_date", r => { r.Market = new MarketSource { Inline = Requests.InlineMarket() }; r.Market.Inline.ValuationDate = ""; } },
        { "market.inline.futures[0].quotes[0].price", r => { r.Market = new MarketSource { Inline = Requests.InlineMarket() }; r.Market.Inline.Futures[0].Quotes[0].Price = double.NaN; } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Price_InvalidField_InvalidArgumentWithFieldViolation(string field, Action<PriceRequest> spoil)
    {
        var request = Requests.EuaDec26();
        spoil(request);
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.PriceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var violation = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single();
        Assert.Equal(field, violation.Field);
        Assert.False(string.IsNullOrWhiteSpace(violation.Description));
    }

    [Fact]
    public async Task Price_SinglePrecision_WithinFourStandardErrorsOfDouble()
    {
        var request = Requests.EuaDec26().MonteCarlo(200_000);
        var reference = await _client.PriceAsync(request);
        request.MonteCarlo.Precision = SimulationPrecision.Single;
        var single = await _client.PriceAsync(request);
        double combined = Math.Sqrt(single.StandardError * single.StandardError + reference.StandardError * reference.StandardError);
        Assert.True(single.StandardError > 0);
        Assert.True(Math.Abs(single.Value - reference.Value) < 4 * combined, $"single {single.Value} vs double {reference.Value} ± {combined}");
        Assert.NotEqual(reference.Value, single.Value); // other paths: the single run did run in single precision
    }

    [Fact]
    public async Task Price_UnknownSnapshot_NotFound()
    {
        var request = Requests.EuaDec26();
        request.Market = new MarketSource { SnapshotId = "no-such-snapshot" };
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.PriceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }
}

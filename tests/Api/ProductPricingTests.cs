using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>Asian, barrier, American/Bermudan, spread options and CEA price limits over the real server.</summary>
[Collection("server")]
public sealed class ProductPricingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly PricingService.PricingServiceClient _client = new(server.Channel);
    private static readonly MarketSource Default = new() { SnapshotId = "default" };

    private static string FieldOf(RpcException e) => e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field;

    private async Task<RpcException> Refused(PriceRequest request)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.PriceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        return e;
    }

    private static PriceRequest Asian(AverageKind average) => new()
    {
        Instrument = new Instrument
        {
            AsianOption = new AsianOption
            {
                Underlying = "EUA", Right = OptionRight.Call, Strike = 72, FuturesDelivery = "2026-12-21", LotSize = 1000, Currency = "EUR",
                Average = average, FirstFixing = "2026-04-15", LastFixing = "2026-12-15", Frequency = FixingFrequency.Monthly,
            },
        },
        Market = Default,
    };

    [Fact]
    public async Task GeometricAsian_MonteCarloWithinFourSEOfItsClosedForm()
    {
        var analytic = await _client.PriceAsync(Asian(AverageKind.Geometric));
        Assert.Equal("analytic-geometric-asian", analytic.Method);
        var mc = await _client.PriceAsync(Asian(AverageKind.Geometric).MonteCarlo(100_000, seed: 4));
        Assert.True(Math.Abs(mc.Value - analytic.Value) < 4 * mc.StandardError, $"{mc.Value} ± {mc.StandardError} vs {analytic.Value}");
        var arithmetic = await _client.PriceAsync(Asian(AverageKind.Arithmetic));
        Assert.True(arithmetic.Value > analytic.Value, "an arithmetic-average call is worth more than a geometric one");
    }

    [Fact]
    public async Task Barrier_OnTheWrongSide_RefusedNamingTheBarrier()
    {
        var request = new PriceRequest
        {
            Instrument = new Instrument
            {
                BarrierOption = new BarrierOption
                {
                    Underlying = "EUA", Right = OptionRight.Call, Strike = 70, Direction = BarrierDirection.Up, Knock = BarrierKnock.Out,
                    Barrier = 60, Expiry = "2026-12-16", FuturesDelivery = "2026-12-21", LotSize = 1000, Currency = "EUR",
                },
            },
            Market = Default,
        };
        Assert.Equal("instrument.barrier_option.barrier", FieldOf(await Refused(request)));
        request.Instrument.BarrierOption.Barrier = 95;
        var upAndOut = await _client.PriceAsync(request);
        var vanilla = await _client.PriceAsync(Requests.EuaDec26(strike: 70));
        Assert.InRange(upAndOut.Value, 0, vanilla.Value);
        Assert.Equal("analytic-reiner-rubinstein", upAndOut.Method);
    }

    [Fact]
    public async Task AmericanPut_WorthMoreThanEuropean_BermudanDateAfterExpiryNamed()
    {
        var european = await _client.PriceAsync(Requests.EuaDec26(OptionRight.Put, 85));
        var request = Requests.EuaDec26(OptionRight.Put, 85);
        request.Instrument.FuturesOption.ExerciseStyle = ExerciseStyle.American;
        request.Greeks = true;
        var american = await _client.PriceAsync(request);
        Assert.True(american.Value > european.Value);
        Assert.Equal("binomial-crr", american.Method);
        Assert.True(american.Greeks.Delta.Value < 0);

        request.Instrument.FuturesOption.ExerciseStyle = ExerciseStyle.Bermudan;
        request.Instrument.FuturesOption.ExerciseDates.Add("2027-01-15");
        Assert.Equal("instrument.futures_option.exercise_dates[0]", FieldOf(await Refused(request)));
    }

    [Fact]
    public async Task CalendarSpread_MargrabeWithSpreadGreeks_CorrelationRequired()
    {
        var request = new PriceRequest
        {
            Instrument = new Instrument
            {
                SpreadOption = new SpreadOption
                {
                    Leg1 = new SpreadLeg { Underlying = "EUA", FuturesDelivery = "2026-12-21" },
                    Leg2 = new SpreadLeg { Underlying = "EUA", FuturesDelivery = "2027-12-20" },
                    Right = OptionRight.Call, Strike = 0, Expiry = "2026-12-16", LotSize = 1000, Currency = "EUR",
                },
            },
            Market = Default,
            Greeks = true,
        };
        Assert.Equal("correlation", FieldOf(await Refused(request)));
        request.Correlation = new SpreadCorrelation { TermStructureDecay = 0.1 };
        var reply = await _client.PriceAsync(request);
        Assert.Equal("analytic-margrabe", reply.Method);
        Assert.True(reply.SpreadGreeks.Delta1.Value > 0 && reply.SpreadGreeks.Delta2.Value < 0);
        Assert.True(reply.SpreadGreeks.Correlation.Value < 0, "a spread option loses value as its legs move together");
    }

    [Fact]
    public async Task CeaPriceLimits_ValueBesideTheLimitFreeOne_OnlyByMonteCarlo()
    {
        var request = new PriceRequest
        {
            Instrument = new Instrument
            {
                FuturesOption = new FuturesOption
                {
                    Underlying = "CEA", Right = OptionRight.Call, Strike = 68, Expiry = "2026-03-09", FuturesDelivery = "2026-12-31",
                    LotSize = 1000, Currency = "CNY",
                },
            },
            Market = Default,
            PriceLimits = new PriceLimits { DailyLimit = 0.10 },
        };
        Assert.Equal("method", FieldOf(await Refused(request)));
        var reply = await _client.PriceAsync(request.MonteCarlo(50_000, seed: 8));
        Assert.NotNull(reply.WithoutLimits);
        Assert.True(reply.Value <= reply.WithoutLimits.Value);
        Assert.StartsWith("monte-carlo-price-limits", reply.Method);
    }

    [Fact]
    public async Task EuropeanOption_SameSettings_PriceAndSensitivitiesGiveIdenticalGreeks()
    {
        var settings = new MonteCarloSettings { Paths = 50_000, Seed = 12, Antithetic = true };
        var request = Requests.EuaDec26(OptionRight.Call, 75);
        request.Method = PricingMethod.MonteCarlo;
        request.MonteCarlo = settings;
        request.Greeks = true;
        var price = await _client.PriceAsync(request);

        var inputs = new RiskInputs
        {
            Portfolio = new Portfolio { ReportingCurrency = "EUR", Positions = { new Position { Id = "call", Lots = 1, Instrument = request.Instrument } } },
            Market = Default,
            Settings = new RiskSettings { Method = PricingMethod.MonteCarlo, MonteCarlo = settings },
        };
        SensitivitiesResult? result = null;
        using (var call = new RiskService.RiskServiceClient(server.Channel).Sensitivities(new SensitivitiesRequest { Inputs = inputs }))
            await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
        var measures = result!.Positions.Single().Measures;

        Assert.Equal(price.Value, measures.Price.Value);
        Assert.Equal(price.StandardError, measures.Price.StandardError);
        foreach (var (single, book) in new[]
                 {
                     (price.Greeks.Delta, measures.Delta), (price.Greeks.Gamma, measures.Gamma), (price.Greeks.Vega, measures.Vega),
                     (price.Greeks.Theta, measures.Theta), (price.Greeks.Rho, measures.Rho),
                 })
        {
            Assert.Equal(single.Value, book.Value);
            Assert.Equal(single.StandardError, book.StandardError);
            Assert.Equal(single.Method, book.Method);
        }
        Assert.Equal("pathwise", measures.Delta.Method);
    }

    [Fact]
    public async Task Risk_AsianAmericanAndSpreadPositionsPricedLikePricingService()
    {
        var future = new Instrument { Future = new AllowanceFuture { Underlying = "EUA", Delivery = "2026-12-21", LotSize = 1000, Currency = "EUR", TradePrice = 70 } };
        var inputs = new RiskInputs
        {
            Portfolio = new Portfolio
            {
                ReportingCurrency = "EUR",
                Positions =
                {
                    new Position { Id = "asian", Lots = 1, Instrument = Asian(AverageKind.Arithmetic).Instrument },
                    new Position { Id = "future", Lots = 1, Instrument = future },
                },
            },
            Market = Default,
        };
        var risk = new RiskService.RiskServiceClient(server.Channel);
        SensitivitiesResult? result = null;
        using (var call = risk.Sensitivities(new SensitivitiesRequest { Inputs = inputs }))
            await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
        var asian = result!.Positions.Single(p => p.PositionId == "asian");
        Assert.Null(asian.Error);
        Assert.Equal("finite-difference", asian.Measures.Delta.Method);
        var price = await _client.PriceAsync(Asian(AverageKind.Arithmetic));
        Assert.Equal(price.Value, asian.Measures.Price.Value, 1e-9 * price.Value); // the same Turnbull-Wakeman value as PricingService
        Assert.Null(result.Positions.Single(p => p.PositionId == "future").Error);

        var american = Requests.EuaDec26(OptionRight.Put, 80);
        american.Instrument.FuturesOption.ExerciseStyle = ExerciseStyle.American;
        inputs.Portfolio.Positions[0].Instrument = american.Instrument;
        result = null;
        using (var call = risk.Sensitivities(new SensitivitiesRequest { Inputs = inputs }))
            await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
        var tree = await _client.PriceAsync(american);
        Assert.Equal(tree.Value, result!.Positions.Single(p => p.PositionId == "asian").Measures.Price.Value, 1e-9 * tree.Value);

        var spread = new Instrument
        {
            SpreadOption = new SpreadOption
            {
                Leg1 = new SpreadLeg { Underlying = "EUA", FuturesDelivery = "2026-12-21" }, Leg2 = new SpreadLeg { Underlying = "EUA", FuturesDelivery = "2027-12-20" },
                Right = OptionRight.Call, Expiry = "2026-12-16", LotSize = 1000, Currency = "EUR",
            },
        };
        inputs.Portfolio.Positions[0].Instrument = spread;
        result = null;
        using (var call = risk.Sensitivities(new SensitivitiesRequest { Inputs = inputs }))
            await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
        var missing = result!.Positions.Single(p => p.PositionId == "asian");
        Assert.Equal("inputs.portfolio.positions[asian].correlation", missing.Error.Field); // a spread's position needs its legs' correlation

        var correlation = new SpreadCorrelation { TermStructureDecay = 0.1 };
        inputs.Portfolio.Positions[0].Correlation = correlation;
        result = null;
        using (var call = risk.Sensitivities(new SensitivitiesRequest { Inputs = inputs }))
            await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
        var position = result!.Positions.Single(p => p.PositionId == "asian");
        var margrabe = await _client.PriceAsync(new PriceRequest { Instrument = spread, Market = Default, Correlation = correlation });
        Assert.Equal(margrabe.Value, position.Measures.Price.Value, 1e-12 * margrabe.Value);
        Assert.NotNull(position.SpreadGreeks);
    }

    [Fact]
    public async Task ImpliedVolatility_OfThePricedPremium_IsTheMarketVolatility_AnArbitragePremiumIsNamed()
    {
        var priced = await _client.PriceAsync(Requests.EuaDec26(OptionRight.Call, 75));
        var request = new ImpliedVolatilityRequest
        {
            RequestId = "iv", Option = Requests.EuaDec26(OptionRight.Call, 75).Instrument.FuturesOption, Market = Default,
            PremiumPerUnit = priced.Value / 1000,
        };
        var reply = await _client.ImpliedVolatilityAsync(request);
        Assert.Equal(reply.MarketVolatility, reply.ImpliedVolatility, 1e-8);
        Assert.Equal(70.76, reply.Forward, 12);

        request.PremiumPerUnit = 80; // above the discounted forward: no volatility gives it
        Assert.Equal("premium_per_unit", FieldOf(await Assert.ThrowsAsync<RpcException>(() => _client.ImpliedVolatilityAsync(request).ResponseAsync)));
        request.Option.Strike = -1;
        Assert.Equal("option.strike", FieldOf(await Assert.ThrowsAsync<RpcException>(() => _client.ImpliedVolatilityAsync(request).ResponseAsync)));
    }

    [Fact]
    public async Task SchwartzModel_So2DecOptionHasALowerValueThanBlack76_BadMeanReversionNamed()
    {
        var request = new PriceRequest
        {
            Instrument = new Instrument
            {
                FuturesOption = new FuturesOption
                {
                    Underlying = "SO2", Right = OptionRight.Call, Strike = 72, Expiry = "2026-06-30", FuturesDelivery = "2027-12-31",
                    LotSize = 1, Currency = "USD",
                },
            },
            Market = Default,
        };
        var black = await _client.PriceAsync(request);
        request.Model = new Model { Schwartz = new SchwartzModel { MeanReversion = 1.5 } };
        var schwartz = await _client.PriceAsync(request);
        Assert.Equal("analytic-schwartz", schwartz.Method);
        Assert.True(schwartz.Value < black.Value, "mean reversion damps a distant delivery's moves");
        request.Model.Schwartz.MeanReversion = -1;
        Assert.Equal("model.schwartz.mean_reversion", FieldOf(await Refused(request)));
    }

    [Fact]
    public async Task ComplianceModel_CalibratedAtTheMoneyIsBlack76_PenaltyBelowTheFuturesPriceNamed()
    {
        var request = Requests.EuaDec26(OptionRight.Call, 70.76);
        var black = await _client.PriceAsync(request);
        request.Model = new Model { Compliance = new ComplianceModel { Penalty = 100 } };
        var compliance = await _client.PriceAsync(request);
        Assert.Equal("analytic-compliance", compliance.Method);
        Assert.Equal(black.Value, compliance.Value, 1e-6 * black.Value); // β calibrated to the market's ATM vol
        request.Model.Compliance.Penalty = 60; // below EUA Dec-26 at 70.76
        Assert.Equal("model.compliance.penalty", FieldOf(await Refused(request)));
    }
}

using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>MarketDataService round trips, pricing by snapshot id, health checks and reflection.</summary>
[Collection("server")]
public sealed class MarketDataServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly MarketDataService.MarketDataServiceClient _market = new(server.Channel);
    private readonly PricingService.PricingServiceClient _pricing = new(server.Channel);

    [Fact]
    public async Task PutGetPriceDelete_InlineMarket_RoundTripsAndPricesLikeInline()
    {
        var market = Requests.InlineMarket();
        var put = await _market.PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = "eua-test", Market = market });
        Assert.Equal(["EUA"], put.Underlyings);
        Assert.Equal(market, await _market.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = "eua-test" }));
        Assert.Contains("eua-test", (await _market.ListSnapshotsAsync(new ListSnapshotsRequest())).SnapshotIds);

        var byId = Requests.EuaDec26();
        byId.Market = new MarketSource { SnapshotId = "eua-test" };
        var inline = Requests.EuaDec26();
        inline.Market = new MarketSource { Inline = market };
        Assert.Equal((await _pricing.PriceAsync(inline)).Value, (await _pricing.PriceAsync(byId)).Value);

        await _market.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = "eua-test" });
        var e = await Assert.ThrowsAsync<RpcException>(() => _market.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = "eua-test" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task ListSnapshots_FreshServer_HasTheDefaultWithFiveUnderlyings()
    {
        Assert.Contains("default", (await _market.ListSnapshotsAsync(new ListSnapshotsRequest())).SnapshotIds);
        var snapshot = await _market.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = "default" });
        Assert.Equal(["CCA", "CEA", "EUA", "SO2", "UKA"], snapshot.Futures.Select(f => f.Underlying).Order());
    }

    [Fact]
    public async Task PutSnapshot_UnsortedZeroCurve_InvalidArgumentNamingThePoint()
    {
        var market = Requests.InlineMarket();
        market.Discount = new DiscountCurve
        {
            ZeroRates = new ZeroRates { Points = { new ZeroRatePoint { Date = "2027-01-01", Rate = 0.03 }, new ZeroRatePoint { Date = "2026-06-01", Rate = 0.03 } } },
        };
        var e = await Assert.ThrowsAsync<RpcException>(() => _market.PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = "bad", Market = market }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("market.discount.zero_rates.", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task PutSnapshot_BadId_InvalidArgument(string id)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            _market.PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = id, Market = Requests.InlineMarket() }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task DeleteSnapshot_Default_Refused()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _market.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = "default" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_Running_Serving()
    {
        var reply = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesCarbonServices()
    {
        using var call = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToArray();
        Assert.Contains("carbon.v1.PricingService", services);
        Assert.Contains("carbon.v1.MarketDataService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task CalibrateMerton_FitsLikeTheEngine_TooFewPricesNamed()
    {
        var returns = Analytics.MertonCalibrationTests.SimulatedReturns(2_000, 0, 0.3, 6, -0.03, 0.08, seed: 5);
        var prices = new List<double> { 70 };
        foreach (double r in returns) prices.Add(prices[^1] * Math.Exp(r));
        var client = new MarketDataService.MarketDataServiceClient(server.Channel);
        var reply = await client.CalibrateMertonAsync(new CalibrateMertonRequest { Prices = { prices } });
        var direct = Engine.Calibration.MertonCalibration.Fit(Engine.Market.PriceHistory.LogReturns(prices));
        Assert.Equal(direct.Volatility, reply.Volatility, 12);
        Assert.Equal(direct.Jumps.Intensity, reply.Jumps.JumpIntensity, 12);
        Assert.Equal(2_000, reply.Observations);
        Assert.True(reply.LogLikelihood > reply.GaussianLogLikelihood);

        var e = await Assert.ThrowsAsync<RpcException>(() => client.CalibrateMertonAsync(new CalibrateMertonRequest { Prices = { prices.Take(100) } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("prices", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task DiscountByCurrency_InlineGbpCurveDiscountsAGbpOption_BadCurveNamed()
    {
        var market = Requests.InlineMarket();
        market.Futures.Add(new FuturesCurve { Underlying = "UKA", Quotes = { new FuturesQuote { Delivery = "2026-12-21", Price = 42.10 } } });
        market.Volatilities.Add(new VolSurface { Underlying = "UKA", Flat = 0.5 });
        market.DiscountByCurrency["GBP"] = new DiscountCurve { FlatRate = 0.045 };
        var request = new PriceRequest
        {
            Instrument = new Instrument
            {
                FuturesOption = new FuturesOption
                {
                    Underlying = "UKA", Right = OptionRight.Put, Strike = 40, Expiry = "2026-12-16", FuturesDelivery = "2026-12-21", LotSize = 1000, Currency = "GBP",
                },
            },
            Market = new MarketSource { Inline = market },
        };
        var pricing = new PricingService.PricingServiceClient(server.Channel);
        var reply = await pricing.PriceAsync(request);
        double t = (new DateOnly(2026, 12, 16).DayNumber - new DateOnly(2026, 3, 2).DayNumber) / 365.0;
        double black = 1000 * Engine.Analytics.Black76.Price(Engine.Products.OptionType.Put, 42.10, 40, t, 0.5, Math.Exp(-0.045 * t));
        Assert.Equal(black, reply.Value, 1e-9 * black);

        market.DiscountByCurrency["GBP"] = new DiscountCurve();
        var e = await Assert.ThrowsAsync<RpcException>(() => pricing.PriceAsync(request).ResponseAsync);
        Assert.Equal("market.inline.discount_by_currency[GBP]", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}

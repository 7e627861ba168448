using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Smile;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>CalibrateVolSurface: quotes in, a fitted surface saved into a snapshot that Price and Sensitivities then use;
/// bad, crossed and arbitrageable quotes refused naming the quote.</summary>
[Collection("server")]
public sealed class CalibrateVolSurfaceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly MarketDataService.MarketDataServiceClient _market = new(server.Channel);
    private readonly PricingService.PricingServiceClient _pricing = new(server.Channel);

    /// <summary>Years from the inline market's valuation date (2026-03-02) to the Dec-26 option expiry (2026-12-16).</summary>
    private const double Expiry = 289 / 365.0;

    /// <summary>The EUA Dec-26 smile of the engine tests, its strikes moved to the inline market's forward of 80.</summary>
    public static CalibrateVolSurfaceRequest EuaRequest(string saveTo = "")
    {
        var smile = SmileQuotes.EuaDec26Smile();
        double scale = 80 / smile.Forward;
        var expiry = new ExpiryQuotes { Expiry = Expiry, Forward = 80, DiscountFactor = Math.Exp(-0.03 * Expiry) };
        expiry.Quotes.AddRange(smile.Quotes.Select(q => new SmileQuote { Strike = q.Strike * scale, Volatility = q.Volatility!.Value }));
        return new CalibrateVolSurfaceRequest { Underlying = "EUA", Model = SmileModel.Svi, Expiries = { expiry }, SaveToSnapshotId = saveTo };
    }

    [Fact]
    public async Task Calibrate_SavedSnapshot_PriceAndSensitivitiesUseTheSmile()
    {
        await _market.PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = "smile-test", Market = Requests.InlineMarket() });
        var reply = await _market.CalibrateVolSurfaceAsync(EuaRequest("smile-test"));
        Assert.Equal("smile-test", reply.SavedSnapshotId);
        Assert.True(reply.Arbitrage.ArbitrageFree);
        var fit = Assert.Single(reply.Fits);
        Assert.True(fit.RmsVolPoints < 0.3, $"RMS {fit.RmsVolPoints}");
        Assert.Equal(["a", "b", "rho", "m", "sigma"], fit.ParameterNames);
        var stored = await _market.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = "smile-test" });
        Assert.Equal(reply.Surface, Assert.Single(stored.Volatilities));

        // The expected price: Black-76 at the fitted slice's vol at the strike, from the reply's own parameters.
        var s = reply.Surface.Svi.Slices.Single();
        var slice = new Engine.Market.Smile.SviSlice(s.Expiry, s.Forward, new Engine.Market.Smile.SviParameters(s.A, s.B, s.Rho, s.M, s.Sigma));
        foreach (var (right, strike) in new[] { (OptionRight.Put, 60.0), (OptionRight.Call, 100.0) })
        {
            var request = Requests.EuaDec26(right, strike);
            request.Market = new MarketSource { SnapshotId = "smile-test" };
            var price = await _pricing.PriceAsync(request);
            var type = right == OptionRight.Put ? Engine.Products.OptionType.Put : Engine.Products.OptionType.Call;
            double expected = 1000 * Black76.Price(type, 80, strike, Expiry, slice.Volatility(strike), Math.Exp(-0.03 * Expiry));
            Assert.Equal(expected, price.Value, 1e-9 * expected);
            double flat = 1000 * Black76.Price(type, 80, strike, Expiry, 0.45, Math.Exp(-0.03 * Expiry));
            Assert.True(Math.Abs(price.Value - flat) > 0.01 * flat, $"{right} {strike}: {price.Value} vs flat {flat}");

            var inputs = new RiskInputs
            {
                Portfolio = new Portfolio { ReportingCurrency = "EUR", Positions = { new Position { Id = "p", Lots = 1, Instrument = request.Instrument } } },
                Market = new MarketSource { SnapshotId = "smile-test" },
            };
            SensitivitiesResult? result = null;
            using (var call = new RiskService.RiskServiceClient(server.Channel).Sensitivities(new SensitivitiesRequest { Inputs = inputs }))
                await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
            Assert.Equal(price.Value, result!.Positions.Single().Measures.Price.Value, 1e-9 * expected);
        }
    }

    [Fact]
    public async Task Sabr_WithDeltaQuotes_FitsAndReportsItsParameters()
    {
        var request = new CalibrateVolSurfaceRequest
        {
            Underlying = "EUA", Model = SmileModel.Sabr,
            Expiries =
            {
                new ExpiryQuotes
                {
                    Expiry = Expiry, Forward = 80,
                    Delta = new DeltaQuotes { AtmVolatility = 0.46, RiskReversal25 = -0.03, Butterfly25 = 0.01, RiskReversal10 = -0.055, Butterfly10 = 0.035 },
                },
            },
        };
        var reply = await _market.CalibrateVolSurfaceAsync(request);
        var fit = Assert.Single(reply.Fits);
        Assert.Equal(5, fit.Strikes.Count);
        Assert.Equal(1.0, fit.Parameters[1]); // beta fixed at 1 by default
        Assert.True(fit.Parameters[2] < 0, "a put skew is negative rho");
        Assert.Equal(SabrExpansion.Hagan2002, reply.Surface.Sabr.Expansion);
        Assert.Equal("", reply.SavedSnapshotId);
    }

    public static TheoryData<string, string> BadQuotes => new()
    {
        { "crossed", "expiries[0].quotes[3]" },
        { "negative", "expiries[0].quotes[1].volatility" },
        { "calendar", "expiries[1].quotes[0]" },
        { "butterfly", "expiries[0].quotes[5]" },
        { "delta", "expiries[0].delta.risk_reversal25" },
    };

    [Theory]
    [MemberData(nameof(BadQuotes))]
    public async Task BadCrossedOrArbitrageableQuotes_InvalidArgumentNamingTheQuote(string kind, string field)
    {
        var request = EuaRequest();
        var quotes = request.Expiries[0].Quotes;
        switch (kind)
        {
            case "crossed": // premiums: the call at the 4th strike dearer than at the 3rd
                quotes.Clear();
                foreach (var (k, p) in new[] { (60.0, 23.0), (70.0, 16.0), (75.0, 13.0), (80.0, 13.5), (90.0, 7.0) })
                    quotes.Add(new SmileQuote { Strike = k, Premium = p, Right = OptionRight.Call });
                break;
            case "negative":
                quotes[1].Volatility = -0.1;
                break;
            case "calendar": // a later expiry with less total variance at the money than the first
                var later = request.Expiries[0].Clone();
                later.Expiry = 2 * Expiry;
                foreach (var q in later.Quotes) q.Volatility *= 0.6;
                request.Expiries.Add(later);
                break;
            case "butterfly": // one vol far above its neighbours: the call prices are not convex there
                quotes[5].Volatility = 0.95;
                break;
            case "delta":
                request.Expiries[0].Quotes.Clear();
                request.Expiries[0].Delta = new DeltaQuotes { AtmVolatility = 0.1, RiskReversal25 = -0.5, Butterfly25 = 0.01 };
                break;
        }
        var e = await Assert.ThrowsAsync<RpcException>(() => _market.CalibrateVolSurfaceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(field, e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Data;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using EngineModels = CarbonDerivatives.Engine.Models;
using EngineSmile = CarbonDerivatives.Engine.Market.Smile;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Heston and regime switching over gRPC: a Price under model.heston equals the engine's Fourier price at the market's
/// variance, with the Feller warning when the condition fails; a regime-switching fit of the EUA history prices an option
/// as returned; quotes fit Heston; the comparison ranks the models; bad parameters are INVALID_ARGUMENT naming the field.
/// </summary>
[Collection("server")]
public sealed class ModelServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly PricingService.PricingServiceClient _pricing = new(server.Channel);
    private readonly ModelService.ModelServiceClient _models = new(server.Channel);
    private const double Expiry = 289.0 / 365; // 2026-03-02 to 2026-12-16, ACT/365F

    private static PriceRequest Heston(double xi, double? v0 = null)
    {
        var request = Requests.EuaDec26(OptionRight.Put, strike: 70);
        request.Market = new MarketSource { Inline = Requests.InlineMarket() };
        var heston = new HestonModel { MeanReversion = 1.5, LongRunVariance = 0.2, VolOfVol = xi, Correlation = -0.6 };
        if (v0 is { } v) heston.InitialVariance = v;
        request.Model = new Model { Heston = heston };
        return request;
    }

    [Fact]
    public async Task Price_Heston_IsTheFourierPriceAtTheMarketVariance_WithAFellerWarning()
    {
        var reply = await _pricing.PriceAsync(Heston(xi: 1.2));
        double reference = 1000 * HestonFourier.Price(Engine.Products.OptionType.Put, 80, 70, Expiry, 0.45 * 0.45,
            new EngineModels.HestonParameters(1.5, 0.2, 1.2, -0.6), Math.Exp(-0.03 * Expiry));
        Assert.Equal("analytic-heston", reply.Method);
        Assert.Equal(reference, reply.Value, 1e-8 * reference);
        Assert.Contains(reply.Warnings, w => w.StartsWith("model.heston: the Feller condition", StringComparison.Ordinal));

        var feller = await _pricing.PriceAsync(Heston(xi: 0.5, v0: 0.16)); // 2κθ = 0.6 ≥ 0.25
        Assert.Empty(feller.Warnings);
    }

    public static TheoryData<string, Action<PriceRequest>> BadModels => new()
    {
        { "model.heston.correlation", r => r.Model.Heston.Correlation = -1 },
        { "model.heston.initial_variance", r => r.Model.Heston.InitialVariance = -0.04 },
        { "model.heston.long_run_variance", r => r.Model.Heston.LongRunVariance = -0.1 },
        { "model.regime_switching.transition[1]", r => r.Model = new Model { RegimeSwitching = TwoRegimes([0.9, 0.1], [0.1, 0.8]) } },
        { "model.regime_switching.transition[0].probabilities[0]", r => r.Model = new Model { RegimeSwitching = TwoRegimes([1.2, -0.2], [0.3, 0.7]) } },
    };

    private static RegimeSwitchingModel TwoRegimes(double[] row0, double[] row1) => new()
    {
        Volatilities = { 0.2, 0.6 },
        Transition = { new TransitionRow { Probabilities = { row0 } }, new TransitionRow { Probabilities = { row1 } } },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public async Task Price_BadModelParameters_InvalidArgumentNamingTheField(string field, Action<PriceRequest> spoil)
    {
        var request = Heston(xi: 0.5);
        spoil(request);
        var e = await Assert.ThrowsAsync<RpcException>(() => _pricing.PriceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(field, e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task CalibrateRegimeSwitching_OnEua_PricesWithTheReturnedModel()
    {
        var request = new CalibrateRegimeSwitchingRequest { Regimes = 3 };
        request.Prices.AddRange(ShippedData.Prices(ShippedData.EuaFrontDec));
        var fit = await _models.CalibrateRegimeSwitchingAsync(request);
        Assert.Equal(3, fit.Model.Volatilities.Count);
        Assert.Equal(1, fit.Model.InitialProbabilities.Sum(), 9);
        Assert.All(fit.VolatilityErrors, e => Assert.True(e > 0));

        var price = Requests.EuaDec26();
        price.Market = new MarketSource { Inline = Requests.InlineMarket() };
        price.Model = new Model { RegimeSwitching = fit.Model };
        var reply = await _pricing.PriceAsync(price);
        var parameters = new EngineModels.RegimeSwitchingParameters(fit.Model.Volatilities, fit.Model.Drifts,
            [.. fit.Model.Transition.Select(r => (IReadOnlyList<double>)r.Probabilities)], fit.Model.PeriodsPerYear, fit.Model.InitialProbabilities);
        double reference = 1000 * RegimeSwitchingEuropean.Price(Engine.Products.OptionType.Call, 80, 75, Expiry, parameters, Math.Exp(-0.03 * Expiry));
        Assert.Equal("analytic-regime-switching", reply.Method);
        Assert.Equal(reference, reply.Value, 1e-8 * reference);
    }

    [Fact]
    public async Task CalibrateToOptionQuotes_HestonFitsAHestonSmile_AndCompareModelsRanksIt()
    {
        var truth = new EngineModels.HestonParameters(2, 0.12, 0.7, -0.5, 0.1);
        var quotes = new[] { 0.5, 1.0 }.SelectMany(t => new[] { 50.0, 60, 70, 80, 95 }.Select(k =>
        {
            var type = k >= 70 ? Engine.Products.OptionType.Call : Engine.Products.OptionType.Put;
            double vol = Black76.ImpliedVolatility(type, HestonFourier.Price(type, 70, k, t, 0.1, truth, 1), 70, k, t, 1);
            return new OptionQuote { ExpiryYears = t, Strike = k, Forward = 70, Volatility = vol };
        })).ToArray();
        var request = new CalibrateToOptionQuotesRequest { Model = QuoteModel.Heston };
        request.Quotes.AddRange(quotes);
        var fit = await _models.CalibrateToOptionQuotesAsync(request);
        Assert.True(fit.RmsVolPoints < 0.01, $"{fit.RmsVolPoints}");
        Assert.Equal(-0.5, fit.Model.Heston.Correlation, 2);

        var compare = new CompareModelsRequest();
        compare.Quotes.AddRange(quotes);
        var ranking = await _models.CompareModelsAsync(compare);
        Assert.Equal("heston", ranking.Smile[0].Model);
        Assert.Equal("black76", ranking.Smile[^1].Model);
    }

    [Fact]
    public async Task CompareModels_SabrSmilePerExpiry_SabrFitsItBestWithThreeParametersAnExpiry()
    {
        // Quotes from an independent SABR per expiry (Hagan 2002 lognormal, beta = 1): a one-parameter-set Heston cannot
        // follow two unrelated skews; per-expiry SABR recovers them.
        var slices = new[]
        {
            new EngineSmile.SabrSlice(0.5, 70, new EngineSmile.SabrParameters(0.50, 1, -0.35, 1.4)),
            new EngineSmile.SabrSlice(1.5, 74, new EngineSmile.SabrParameters(0.40, 1, 0.10, 0.5)),
        };
        var compare = new CompareModelsRequest();
        compare.Quotes.AddRange(slices.SelectMany(s => new[] { 0.7, 0.85, 1.0, 1.15, 1.3 }.Select(m => new OptionQuote
        {
            ExpiryYears = s.Expiry, Strike = m * s.Forward, Forward = s.Forward, Volatility = s.Volatility(m * s.Forward),
        })));
        var ranking = await _models.CompareModelsAsync(compare);
        var sabr = ranking.Smile[0];
        Assert.Equal("sabr", sabr.Model);
        Assert.Equal(6, sabr.Parameters);
        Assert.True(sabr.RmsVolPoints < 0.01, $"SABR RMS {sabr.RmsVolPoints} vol points");
        Assert.True(ranking.Smile.Single(r => r.Model == "heston").RmsVolPoints > 10 * sabr.RmsVolPoints);
    }

    [Fact]
    public async Task CalibrateSchwartz_BadPrice_InvalidArgumentNamingIt()
    {
        var request = new CalibrateSchwartzRequest();
        request.Prices.AddRange(Enumerable.Range(0, 200).Select(i => 50 + Math.Sin(i)));
        request.Prices[17] = 0;
        var e = await Assert.ThrowsAsync<RpcException>(() => _models.CalibrateSchwartzAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("prices[17]", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}

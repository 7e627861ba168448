using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Pricing;

/// <summary>
/// Futures options under Schwartz mean reversion: with delivery at expiry the option is one on the spot, whose
/// closed form <see cref="SchwartzOneFactor.OptionPrice"/> is independent of the futures-volatility route; Monte
/// Carlo of the future within 4 SE of the analytic value; κ = 0 is Black-76; distant deliveries see a lower vol.
/// </summary>
public sealed class SchwartzValuationTests
{
    private static readonly DateOnly Today = new(2026, 3, 2), Expiry = new(2026, 12, 16);
    private static readonly ValuationService Service = new(SimulationLimits.Default);

    private static MarketSnapshot Market(DateOnly delivery, double forward = 70.0, double vol = 0.6) => new(Today, new FlatDiscountCurve(0.03),
        [new("SO2", new FuturesCurve(Today, [(delivery, forward)]))], [new("SO2", new FlatVolSurface(vol))]);

    private static ValuationRequest Request(DateOnly delivery, OptionType type, double strike, double kappa, bool monteCarlo = false, bool greeks = false) => new()
    {
        Instrument = new FuturesOption("SO2", type, strike, Expiry, delivery, 1, "USD"),
        Market = Market(delivery),
        Model = new SchwartzDynamics(kappa),
        Method = monteCarlo ? ValuationMethod.MonteCarlo : ValuationMethod.Analytic,
        MonteCarlo = new MonteCarloSettings { Paths = 200_000, Seed = 13 },
        Greeks = greeks,
    };

    [Theory]
    [InlineData(OptionType.Call, 65, 1.5)]
    [InlineData(OptionType.Put, 75, 1.5)]
    [InlineData(OptionType.Call, 70, 4.0)]
    public void DeliveryAtExpiry_EqualsTheSpotOptionClosedForm(OptionType type, double strike, double kappa)
    {
        var market = Market(Expiry);
        double t = market.TimeTo(Expiry), longRun = 60, sigma = 0.6, forward = 70;
        // The spot S0 whose Schwartz futures price for delivery t is the market's forward.
        double persistence = Math.Exp(-kappa * t), variance = sigma * sigma * (1 - Math.Exp(-2 * kappa * t)) / (2 * kappa);
        double spot = Math.Exp((Math.Log(forward) - (1 - persistence) * Math.Log(longRun) - variance / 2) / persistence);
        var spotModel = new SchwartzOneFactorModel(spot, kappa, longRun, sigma);
        Assert.Equal(forward, SchwartzOneFactor.FuturesPrice(spotModel, t), 1e-9);
        double expected = SchwartzOneFactor.OptionPrice(spotModel, type, strike, t, Math.Exp(-0.03 * t));
        Assert.Equal(expected, Service.Value(Request(Expiry, type, strike, kappa)).Value, 1e-9);
    }

    [Theory]
    [InlineData(OptionType.Call, 70, 2.0)]
    [InlineData(OptionType.Put, 64, 0.8)]
    [InlineData(OptionType.Call, 72, 1.0)]
    public void MonteCarloOfTheFuture_WithinFourSEOfTheAnalyticValue(OptionType type, double strike, double kappa)
    {
        var delivery = new DateOnly(2027, 12, 31);
        double analytic = Service.Value(Request(delivery, type, strike, kappa)).Value;
        var mc = Service.Value(Request(delivery, type, strike, kappa, monteCarlo: true));
        Assert.True(Math.Abs(mc.Value - analytic) < 4 * mc.StandardError, $"{mc.Value} ± {mc.StandardError} vs {analytic}");
        Assert.Equal("monte-carlo-schwartz", mc.Method);
    }

    [Fact]
    public void NoMeanReversion_IsBlack76()
    {
        var delivery = new DateOnly(2027, 12, 31);
        var request = Request(delivery, OptionType.Call, 72, 0);
        double black = Black76OptionPricer.Price(((FuturesOption)request.Instrument).Resolve(request.Market));
        Assert.Equal(black, Service.Value(request).Value, 1e-9);
    }

    [Fact]
    public void DistantDeliveries_SeeALowerBlackVolatility()
    {
        double t = 0.8;
        var vols = new[] { 0.8, 1.5, 3.0 }.Select(delivery => new SchwartzFuturesModel(70, 0.6, 1.2, delivery).BlackVolatility(t)).ToArray();
        Assert.True(vols[0] > vols[1] && vols[1] > vols[2], string.Join(", ", vols));
        Assert.True(vols[0] < 0.6, "even at delivery = expiry mean reversion lowers the vol below the spot's");
    }

    [Fact]
    public void MonteCarloGreeks_WithinFourSEOfTheAnalyticFiniteDifferences()
    {
        var delivery = new DateOnly(2027, 6, 30);
        var analytic = Service.Value(Request(delivery, OptionType.Call, 70, 1.5, greeks: true)).Greeks!;
        var mc = Service.Value(Request(delivery, OptionType.Call, 70, 1.5, monteCarlo: true, greeks: true)).Greeks!;
        foreach (var (name, a, m) in new[] { ("delta", analytic.Delta, mc.Delta), ("vega", analytic.Vega, mc.Vega), ("rho", analytic.Rho, mc.Rho) })
            Assert.True(Math.Abs(a.Value - m.Value) < 4 * m.StandardError + 0.01 * Math.Abs(a.Value), $"{name}: {m.Value} ± {m.StandardError} vs {a.Value}");
    }
}

using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Tests.Analytics;
using Xunit;

namespace CarbonDerivatives.Tests.Pricing;

/// <summary>
/// Every product through the valuation service, with its Greeks: degenerate cases that reduce to an
/// independent closed form (an Asian with one fixing, a barrier too far to matter are European options:
/// Black-76 Greeks), American Greeks against QLNet's binomial tree, spreads against Margrabe, price
/// limits beside the limit-free value.
/// </summary>
public sealed class ProductValuationTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly Expiry = new(2026, 12, 16), Dec26 = new(2026, 12, 21), Dec27 = new(2027, 12, 20);
    private static readonly ValuationService Service = new(SimulationLimits.Default);

    private static MarketSnapshot Market() => new(Today, new FlatDiscountCurve(0.03),
        [new("EUA", new FuturesCurve(Today, [(Dec26, 70.76), (Dec27, 72.83)])), new("UKA", new FuturesCurve(Today, [(Dec26, 42.10)]))],
        [new("EUA", new FlatVolSurface(0.46)), new("UKA", new FlatVolSurface(0.50))]);

    private static Black76Greeks European(OptionType type, double strike) =>
        Black76OptionPricer.Greeks(new FuturesOption("EUA", type, strike, Expiry, Dec26, 1000, "EUR").Resolve(Market()));

    private static void Close(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected) + 1e-9, $"{what}: {actual} vs {expected}");

    private static void Within(double expected, GreekEstimate figure, string what) =>
        Assert.True(Math.Abs(figure.Value - expected) <= 4 * figure.StandardError, $"{what}: {figure.Value} ± {figure.StandardError} vs {expected}");

    [Theory]
    [InlineData(OptionType.Call, 75)]
    [InlineData(OptionType.Put, 65)]
    public void AsianWithOneFixing_AnalyticGreeksAreBlack76s(OptionType type, double strike)
    {
        var asian = new AsianOption("EUA", type, strike, [Expiry], Dec26, 1000, "EUR", AverageKind.Geometric);
        var v = Service.Value(new ValuationRequest { Instrument = asian, Market = Market(), Greeks = true, Quantity = 2 });
        var exact = European(type, strike);
        Close(2 * exact.Price, v.Value, 1e-10, "price");
        Close(2 * exact.Delta, v.Greeks!.Delta.Value, 1e-6, "delta");
        Close(2 * exact.Gamma, v.Greeks.Gamma.Value, 1e-4, "gamma");
        Close(2 * exact.Vega, v.Greeks.Vega.Value, 1e-6, "vega");
        Close(2 * exact.Theta, v.Greeks.Theta.Value, 1e-4, "theta");
        Close(2 * exact.Rho, v.Greeks.Rho.Value, 1e-6, "rho");
        Assert.Equal("analytic-geometric-asian", v.Method);
    }

    [Fact]
    public void AsianWithOneFixing_MonteCarloGreeksWithinFourSEOfBlack76()
    {
        var asian = new AsianOption("EUA", OptionType.Call, 72, [Expiry], Dec26, 1000, "EUR");
        var v = Service.Value(new ValuationRequest
        {
            Instrument = asian, Market = Market(), Greeks = true, Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 200_000, Seed = 5 },
        });
        var exact = European(OptionType.Call, 72);
        Assert.True(Math.Abs(v.Value - exact.Price) < 4 * v.StandardError);
        Within(exact.Delta, v.Greeks!.Delta, "delta");
        Within(exact.Vega, v.Greeks.Vega, "vega");
        Within(exact.Rho, v.Greeks.Rho, "rho");
        Assert.Equal(GreekMethod.CrnBump, v.Greeks.Delta.Method);
    }

    [Fact]
    public void UpAndOutCallWithAFarBarrier_AnalyticGreeksAreBlack76s()
    {
        var barrier = new BarrierOption("EUA", OptionType.Call, 75, BarrierDirection.Up, BarrierKnock.Out, 5000, 0, Expiry, Dec26, 1000, "EUR");
        var v = Service.Value(new ValuationRequest { Instrument = barrier, Market = Market(), Greeks = true });
        var exact = European(OptionType.Call, 75);
        Close(exact.Price, v.Value, 1e-9, "price");
        Close(exact.Delta, v.Greeks!.Delta.Value, 1e-5, "delta");
        Close(exact.Vega, v.Greeks.Vega.Value, 1e-5, "vega");
        Close(exact.Rho, v.Greeks.Rho.Value, 1e-5, "rho");
    }

    [Fact]
    public void AmericanPut_TreeValueAndDeltaMatchQlnetBinomial()
    {
        var put = new FuturesOption("EUA", OptionType.Put, 80, Expiry, Dec26, 1, "EUR");
        var v = Service.Value(new ValuationRequest { Instrument = put with { Exercise = OptionExercise.American }, Market = Market(), Greeks = true });
        int days = Expiry.DayNumber - Today.DayNumber;
        Close(QlnetAmericanReference.Binomial(OptionType.Put, 70.76, 80, days, 0.46, 0.03), v.Value, 5e-4, "price");
        Close(QlnetAmericanReference.BinomialDelta(OptionType.Put, 70.76, 80, days, 0.46, 0.03), v.Greeks!.Delta.Value, 5e-3, "delta");
        Assert.Equal("binomial-crr", v.Method);
    }

    [Fact]
    public void AmericanPut_LongstaffSchwartzWithinHalfAPercentOfTheTree()
    {
        var put = new FuturesOption("EUA", OptionType.Put, 80, Expiry, Dec26, 1000, "EUR");
        var tree = Service.Value(new ValuationRequest { Instrument = put with { Exercise = OptionExercise.American }, Market = Market() });
        var lsm = Service.Value(new ValuationRequest
        {
            Instrument = put with { Exercise = OptionExercise.American }, Market = Market(), Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 100_000, Seed = 3, Antithetic = true, ControlVariate = true },
        });
        Close(tree.Value, lsm.Value, 5e-3, "LSM vs tree");
        Assert.Equal("longstaff-schwartz-black76", lsm.Method);
    }

    [Fact]
    public void CalendarSpread_AnalyticIsMargrabeAndMonteCarloAgrees()
    {
        var spread = SpreadOption.Calendar("EUA", Dec26, Dec27, OptionType.Call, 0, Expiry, 1000, "EUR");
        var correlation = new DecayingCorrelation(0.1);
        double rho = Math.Exp(-0.1 * Math.Abs(Market().TimeTo(Dec26) - Market().TimeTo(Dec27)));
        double t = Market().TimeTo(Expiry);
        double margrabe = 1000 * Margrabe.Price(OptionType.Call, 70.76, 72.83, t, 0.46, 0.46, rho, Math.Exp(-0.03 * t));
        var analytic = Service.Value(new ValuationRequest { Instrument = spread, Market = Market(), Correlation = correlation, Greeks = true });
        Close(margrabe, analytic.Value, 1e-12, "Margrabe");
        Assert.Equal("analytic-margrabe", analytic.Method);
        Assert.NotNull(analytic.SpreadGreeks);
        var mc = Service.Value(new ValuationRequest
        {
            Instrument = spread, Market = Market(), Correlation = correlation, Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 200_000, Seed = 9 },
        });
        Assert.True(Math.Abs(mc.Value - margrabe) < 4 * mc.StandardError, $"{mc.Value} ± {mc.StandardError} vs {margrabe}");
    }

    [Fact]
    public void Spread_WithoutCorrelation_RefusedNamingIt()
    {
        var spread = new SpreadOption(new SpreadLeg("EUA", Dec26), new SpreadLeg("UKA", Dec26, ConversionFactor: 1.17), OptionType.Call, 20,
            Expiry, 1000, "EUR");
        Assert.Equal("correlation", Assert.Throws<InvalidInputException>(() =>
            Service.Value(new ValuationRequest { Instrument = spread, Market = Market() })).Field);
    }

    [Fact]
    public void PriceLimit_ReportsTheLimitFreeValueBeside_AndNeedsMonteCarlo()
    {
        var call = new FuturesOption("EUA", OptionType.Call, 72, new DateOnly(2026, 3, 9), Dec26, 1000, "EUR");
        var request = new ValuationRequest
        {
            Instrument = call with { PriceLimits = new DailyPriceLimit(0.10) }, Market = Market(), Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 100_000, Seed = 2 },
        };
        var v = Service.Value(request);
        var free = Black76OptionPricer.Price(call.Resolve(Market()));
        Assert.NotNull(v.WithoutLimits);
        Assert.True(Math.Abs(v.WithoutLimits.Value - free) < 4 * v.WithoutLimits.StandardError, $"{v.WithoutLimits} vs {free}");
        Assert.True(v.Value <= v.WithoutLimits.Value, "a 5-session ±10% limit caps the upside of a call");
        Assert.Equal("method", Assert.Throws<InvalidInputException>(() => Service.Value(request with { Method = ValuationMethod.Analytic })).Field);
    }
}

using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Market;

public sealed class MarketSnapshotTests
{
    private static readonly DateOnly Valuation = new(2026, 3, 2);

    private static MarketSnapshot EuaOnly() => new(Valuation, new FlatDiscountCurve(0.025),
        [new("EUA", new FuturesCurve(Valuation, [(new DateOnly(2026, 12, 21), 70.76)]))],
        [new("EUA", new FlatVolSurface(0.46))]);

    [Fact]
    public void Lookups_KnownUnderlying_ReturnData()
    {
        var market = EuaOnly();
        Assert.Equal(70.76, market.FuturesCurveFor("EUA").Price(new DateOnly(2026, 12, 21)));
        Assert.Equal(0.46, market.VolSurfaceFor("EUA").Volatility(1, 70));
    }

    [Fact]
    public void Lookups_MissingUnderlying_ThrowNamingMarketField()
    {
        var market = EuaOnly();
        Assert.Equal("market.futures[UKA]", Assert.Throws<InvalidInputException>(() => market.FuturesCurveFor("UKA")).Field);
        Assert.Equal("market.volatilities[UKA]", Assert.Throws<InvalidInputException>(() => market.VolSurfaceFor("UKA")).Field);
    }

    [Fact]
    public void Constructor_CurveOnOtherDate_ThrowsNamingCurve()
    {
        var stale = new FuturesCurve(Valuation.AddDays(-1), [(new DateOnly(2026, 12, 21), 70.76)]);
        var ex = Assert.Throws<InvalidInputException>(() => new MarketSnapshot(Valuation, new FlatDiscountCurve(0.02), [new("EUA", stale)]));
        Assert.Equal("market.futures[EUA]", ex.Field);
    }

    [Fact]
    public void DiscountByCurrency_OptionsAreDiscountedOnTheirCurrencysCurve()
    {
        var today = new DateOnly(2026, 3, 2);
        var dec26 = new DateOnly(2026, 12, 21);
        var market = new Engine.Market.MarketSnapshot(today, new Engine.Market.FlatDiscountCurve(0.02),
            [new("EUA", new Engine.Market.FuturesCurve(today, [(dec26, 70.76)])), new("UKA", new Engine.Market.FuturesCurve(today, [(dec26, 42.10)]))],
            [new("EUA", new Engine.Market.FlatVolSurface(0.46)), new("UKA", new Engine.Market.FlatVolSurface(0.5))],
            [new("GBP", new Engine.Market.FlatDiscountCurve(0.04))]);
        var expiry = new DateOnly(2026, 12, 16);
        double t = market.TimeTo(expiry);
        var uka = new Engine.Products.FuturesOption("UKA", Engine.Products.OptionType.Call, 45, expiry, dec26, 1000, "GBP").Resolve(market);
        var eua = new Engine.Products.FuturesOption("EUA", Engine.Products.OptionType.Call, 75, expiry, dec26, 1000, "EUR").Resolve(market);
        Assert.Equal(Math.Exp(-0.04 * t), uka.DiscountFactor, 1e-15);
        Assert.Equal(Math.Exp(-0.02 * t), eua.DiscountFactor, 1e-15);
        double black = 1000 * Engine.Analytics.Black76.Price(Engine.Products.OptionType.Call, 42.10, 45, t, 0.5, Math.Exp(-0.04 * t));
        Assert.Equal(black, Engine.Analytics.Black76OptionPricer.Price(uka), 1e-9 * black);
    }
}

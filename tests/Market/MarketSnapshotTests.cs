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
}

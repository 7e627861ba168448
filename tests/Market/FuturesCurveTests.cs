using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Market;

public sealed class FuturesCurveTests
{
    // MARKETS.md, March 2026 EUA Dec futures; deliveries on the rule-derived Dec Mondays.
    private static readonly DateOnly Valuation = new(2026, 3, 2);
    private static readonly DateOnly Dec26 = new(2026, 12, 21), Dec27 = new(2027, 12, 20), Dec28 = new(2028, 12, 18);

    private static FuturesCurve Eua() => new(Valuation, [(Dec27, 72.83), (Dec26, 70.76), (Dec28, 75.09)]);

    [Fact]
    public void Price_AtQuotedDelivery_ReturnsQuote()
    {
        var curve = Eua();
        Assert.Equal(70.76, curve.Price(Dec26));
        Assert.Equal(72.83, curve.Price(Dec27));
        Assert.Equal([Dec26, Dec27, Dec28], curve.Deliveries.ToArray());
    }

    [Fact]
    public void Price_HalfwayBetweenPillars_IsGeometricMean()
    {
        // ln F linear in time: halfway (182 of 364 days) gives sqrt(F1·F2).
        Assert.Equal(Math.Sqrt(70.76 * 72.83), Eua().Price(new DateOnly(2027, 6, 21)), 12);
    }

    [Fact]
    public void Price_BeyondPillars_ExtendsEdgeCarry()
    {
        // After Dec-28: F = F(Dec28)·(F(Dec28)/F(Dec27))^{Δt/(t28 − t27)}; before Dec-26 likewise with the first segment.
        var later = new DateOnly(2029, 6, 18);
        double expectedLater = 75.09 * Math.Pow(75.09 / 72.83, (later.DayNumber - Dec28.DayNumber) / (double)(Dec28.DayNumber - Dec27.DayNumber));
        Assert.Equal(expectedLater, Eua().Price(later), 12);
        var earlier = new DateOnly(2026, 6, 22);
        double expectedEarlier = 70.76 * Math.Pow(72.83 / 70.76, (earlier.DayNumber - Dec26.DayNumber) / (double)(Dec27.DayNumber - Dec26.DayNumber));
        Assert.Equal(expectedEarlier, Eua().Price(earlier), 12);
    }

    [Fact]
    public void Price_SinglePillar_IsFlat()
    {
        var curve = new FuturesCurve(Valuation, [(Dec26, 70.76)]);
        Assert.Equal(70.76, curve.Price(Dec28));
    }

    [Fact]
    public void FromSpot_CostOfCarry_MatchesSpotTimesExpRateMinusYield()
    {
        var oneYear = new DateOnly(2027, 3, 2); // 365 days: t = 1
        var curve = FuturesCurve.FromSpot(70.0, Valuation, 0.03, 0.01, [oneYear]);
        Assert.Equal(70.0 * Math.Exp(0.02), curve.Price(oneYear), 12);

        var zero = ZeroRateCurve.FromTimes([(0.5, 0.02), (1.5, 0.04)]);
        var fromCurve = FuturesCurve.FromSpot(70.0, Valuation, zero, 0.005, [oneYear]);
        Assert.Equal(70.0 * Math.Exp(0.03 - 0.005), fromCurve.Price(oneYear), 12); // z(1) = 0.03
    }

    [Theory]
    [InlineData("prices[1]", double.NaN)]
    [InlineData("prices[1]", 0.0)]
    [InlineData("prices[1]", -5.0)]
    [InlineData("prices[1]", double.PositiveInfinity)]
    public void Constructor_BadPrice_ThrowsNamingIt(string field, double price)
    {
        var ex = Assert.Throws<InvalidInputException>(() => new FuturesCurve(Valuation, [(Dec26, 70.76), (Dec27, price)]));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Constructor_DuplicateOrEarlyDelivery_ThrowsNamingIt()
    {
        Assert.Equal("deliveries[1]", Assert.Throws<InvalidInputException>(() =>
            new FuturesCurve(Valuation, [(Dec26, 70.76), (Dec26, 71.0)])).Field);
        Assert.Equal("deliveries[0]", Assert.Throws<InvalidInputException>(() =>
            new FuturesCurve(Valuation, [(Valuation, 70.0)])).Field);
        Assert.Equal("deliveries[0]", Assert.Throws<InvalidInputException>(() =>
            FuturesCurve.FromSpot(70, Valuation, 0.03, 0.0, [new DateOnly(2025, 12, 15)])).Field);
        Assert.Equal("spot", Assert.Throws<InvalidInputException>(() =>
            FuturesCurve.FromSpot(double.NaN, Valuation, 0.03, 0.0, [Dec26])).Field);
    }

    [Fact]
    public void Price_DeliveryBeforeValuation_ThrowsNamingDelivery()
    {
        Assert.Equal("delivery", Assert.Throws<InvalidInputException>(() => Eua().Price(new DateOnly(2026, 1, 1))).Field);
    }
}

using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Market;

public sealed class DiscountCurveTests
{
    [Fact]
    public void YearFraction_Act365Fixed_CountsActualDaysOver365()
    {
        Assert.Equal(1.0, DayCount.YearFraction(new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 2)));
        Assert.Equal(366 / 365.0, DayCount.YearFraction(new DateOnly(2028, 1, 1), new DateOnly(2029, 1, 1)));
        Assert.Equal(-30 / 365.0, DayCount.YearFraction(new DateOnly(2026, 4, 30), new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void FlatDiscountCurve_DiscountFactor_IsExpMinusRateTimesTime()
    {
        var curve = new FlatDiscountCurve(0.03);
        Assert.Equal(Math.Exp(-0.0225), curve.DiscountFactor(0.75), 15);
        Assert.Equal(1.0, curve.DiscountFactor(0.0));
        Assert.Equal(0.03, curve.ZeroRate(4.0));
    }

    [Fact]
    public void ZeroRateCurve_Interpolation_LinearInRateFlatOutside()
    {
        var curve = ZeroRateCurve.FromTimes([(1.0, 0.02), (3.0, 0.04)]);
        Assert.Equal(0.03, curve.ZeroRate(2.0), 15);
        Assert.Equal(0.025, curve.ZeroRate(1.5), 15);
        Assert.Equal(0.02, curve.ZeroRate(0.5));
        Assert.Equal(0.04, curve.ZeroRate(10.0));
        Assert.Equal(Math.Exp(-0.06), curve.DiscountFactor(2.0), 15);
        Assert.Equal(Math.Exp(-0.4), curve.DiscountFactor(10.0), 15);
    }

    [Fact]
    public void ZeroRateCurve_FromDates_UsesAct365FromValuationDate()
    {
        var valuation = new DateOnly(2026, 1, 1);
        var curve = ZeroRateCurve.FromDates(valuation, [(new DateOnly(2027, 1, 1), 0.02), (new DateOnly(2028, 1, 1), 0.03)]);
        Assert.Equal([1.0, 2.0], curve.Times.ToArray());
        Assert.Equal(0.025, curve.ZeroRate(1.5), 15);
    }

    [Theory]
    [InlineData("times[1]", 2.0, 1.0, 0.02)] // not increasing
    [InlineData("times[1]", 2.0, 2.0, 0.02)] // duplicate
    [InlineData("times[0]", -1.0, 2.0, 0.02)]
    [InlineData("times[0]", double.NaN, 2.0, 0.02)]
    [InlineData("rates[1]", 1.0, 2.0, double.PositiveInfinity)]
    [InlineData("rates[1]", 1.0, 2.0, double.NaN)]
    public void ZeroRateCurve_BadPillars_ThrowNamingField(string field, double t0, double t1, double r1)
    {
        var ex = Assert.Throws<InvalidInputException>(() => ZeroRateCurve.FromTimes([(t0, 0.02), (t1, r1)]));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void ZeroRateCurve_FromDatesUnsortedOrNotAfterValuation_ThrowsNamingDate()
    {
        var valuation = new DateOnly(2026, 1, 1);
        var unsorted = Assert.Throws<InvalidInputException>(() => ZeroRateCurve.FromDates(valuation,
            [(new DateOnly(2028, 1, 1), 0.02), (new DateOnly(2027, 1, 1), 0.03)]));
        Assert.Equal("dates[1]", unsorted.Field);
        var early = Assert.Throws<InvalidInputException>(() => ZeroRateCurve.FromDates(valuation, [(valuation, 0.02)]));
        Assert.Equal("dates[0]", early.Field);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void FlatDiscountCurve_NonFiniteRate_ThrowsNamingRate(double rate)
    {
        Assert.Equal("rate", Assert.Throws<InvalidInputException>(() => new FlatDiscountCurve(rate)).Field);
    }

    [Fact]
    public void DiscountFactor_NegativeTime_ThrowsNamingTime()
    {
        Assert.Equal("time", Assert.Throws<InvalidInputException>(() => new FlatDiscountCurve(0.03).DiscountFactor(-1)).Field);
        Assert.Equal("time", Assert.Throws<InvalidInputException>(() =>
            ZeroRateCurve.FromTimes([(1.0, 0.02)]).DiscountFactor(double.NaN)).Field);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Products;

/// <summary>Asian option terms: fixing schedules, resolution and bad input named by field.</summary>
public class AsianOptionTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly Delivery = new(2026, 12, 21);

    private static AsianOption Monthly(IReadOnlyList<double>? past = null, double strike = 70) =>
        new("EUA", OptionType.Call, strike, FixingSchedule.Generate(new DateOnly(2026, 1, 30), new DateOnly(2026, 12, 14), FixingFrequency.Monthly),
            Delivery, 1000, "EUR", AverageKind.Arithmetic, past);

    private static MarketSnapshot Market() => new(Today, new FlatDiscountCurve(0.025),
        [new("EUA", new FuturesCurve(Today, [(Delivery, 70.76), (new DateOnly(2027, 12, 20), 72.83)]))],
        [new("EUA", new FlatVolSurface(0.46))]);

    [Fact]
    public void Generate_Monthly_KeepsDayOfMonthAndEndsOnLast()
    {
        var dates = FixingSchedule.Generate(new DateOnly(2026, 1, 31), new DateOnly(2026, 6, 15), FixingFrequency.Monthly);
        Assert.Equal([new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31), new(2026, 4, 30), new(2026, 5, 31), new DateOnly(2026, 6, 15)], dates);
    }

    [Fact]
    public void Generate_DailyAndWeekly_SkipWeekendsAndStepSevenDays()
    {
        var daily = FixingSchedule.Generate(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 10), FixingFrequency.Daily); // Thu..Tue
        Assert.Equal([new(2026, 3, 5), new(2026, 3, 6), new(2026, 3, 9), new DateOnly(2026, 3, 10)], daily);
        var weekly = FixingSchedule.Generate(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 23), FixingFrequency.Weekly);
        Assert.Equal([new(2026, 3, 2), new(2026, 3, 9), new(2026, 3, 16), new DateOnly(2026, 3, 23)], weekly);
    }

    [Fact]
    public void Resolve_SplitsPastAndFutureFixings()
    {
        var resolved = Monthly([68.1, 69.4]).Resolve(Market()); // Jan 30 and Feb 28 fixed before Mar 2
        Assert.Equal(12, resolved.FixingCount);
        Assert.Equal(10, resolved.FixingTimes.Length);
        Assert.Equal((new DateOnly(2026, 3, 30).DayNumber - Today.DayNumber) / 365.0, resolved.FixingTimes[0], 15);
        Assert.Equal(70.76, resolved.Forward);
        Assert.Equal(Math.Exp(-0.025 * resolved.Expiry), resolved.DiscountFactor, 15);
    }

    [Fact]
    public void Validate_FixingDatesNotIncreasing_NamesTheIndex()
    {
        var option = Monthly([68.1, 69.4]) with { FixingDates = [new(2026, 1, 30), new(2026, 2, 27), new(2026, 5, 1), new(2026, 4, 1)] };
        Assert.Equal("fixingDates[3]", Assert.Throws<InvalidInputException>(() => option.Validate(Today)).Field);
    }

    [Theory]
    [InlineData(new double[0], "pastFixings")]
    [InlineData(new[] { 68.1, 69.4, 70.0 }, "pastFixings")]
    [InlineData(new[] { 68.1, -1.0 }, "pastFixings[1]")]
    [InlineData(new[] { double.NaN, 69.4 }, "pastFixings[0]")]
    public void Validate_PastFixingsInconsistent_NamesTheField(double[] past, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => Monthly(past).Validate(Today)).Field);

    [Fact]
    public void Validate_BadTerms_NameTheField()
    {
        var good = Monthly([68.1, 69.4]);
        Assert.Equal("strike", Assert.Throws<InvalidInputException>(() => (good with { Strike = 0 }).Validate(Today)).Field);
        Assert.Equal("fixingDates", Assert.Throws<InvalidInputException>(() => (good with { FixingDates = [] }).Validate(Today)).Field);
        Assert.Equal("futuresDelivery", Assert.Throws<InvalidInputException>(() => (good with { FuturesDelivery = new(2026, 12, 1) }).Validate(Today)).Field);
        Assert.Equal("average", Assert.Throws<InvalidInputException>(() => (good with { Average = (AverageKind)7 }).Validate(Today)).Field);
        Assert.Equal("lotSize", Assert.Throws<InvalidInputException>(() => (good with { LotSize = -1 }).Validate(Today)).Field);
    }

    [Fact]
    public void PriceMonteCarlo_AllFixingsPast_TheKnownValueWithoutSimulating()
    {
        var resolved = new ResolvedAsianOption(OptionType.Call, 70, AverageKind.Arithmetic, [], [71, 72], 70, 0.4, 1, 1);
        Assert.Equal(1.5, AsianOptionPricer.PriceAnalytic(resolved), 14); // known average 71.5, DF 1
        var valuation = Engine.Pricing.MonteCarlo.MonteCarloPricer.Value(resolved, Support.MonteCarloRuns.Inputs(new MonteCarloSettings { Paths = 1000, Seed = 1 }));
        Assert.Equal(1.5, valuation.Value, 14);
        Assert.Equal(0, valuation.Paths);
    }

    [Fact]
    public void ResolvedAsianOption_FixingTimesNotIncreasing_NamesTheIndex() =>
        Assert.Equal("fixingTimes[2]", Assert.Throws<InvalidInputException>(() =>
            new ResolvedAsianOption(OptionType.Put, 70, AverageKind.Geometric, [0.1, 0.2, 0.2], [], 70, 0.4, 1, 1)).Field);
}

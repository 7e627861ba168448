using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Risk.Margin;
using CarbonDerivatives.Engine.Validation;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk.Margin;

/// <summary>Bad margin inputs are refused with the field that is wrong.</summary>
public sealed class MarginInputErrorTests
{
    private static readonly Portfolio OneFuture = new("EUR", [Long("F", new AllowanceFuture("EUA", Dec26, 1000, "EUR"))]);

    private static SpanSettings With(ScanParameters eua, params InterCommoditySpread[] spreads) => new()
    {
        Underlyings = ImmutableDictionary<string, ScanParameters>.Empty.Add("EUA", eua),
        InterCommoditySpreads = [.. spreads],
    };

    private static InvalidInputException Refused(SpanSettings settings) =>
        Assert.Throws<InvalidInputException>(() => SpanMargin.Compute(OneFuture, EuaMarket(), Fx, settings));

    [Fact]
    public void NegativeScanRange_NamesTheField()
    {
        var e = Refused(With(new ScanParameters(-0.1)));
        Assert.Equal("underlyings[EUA].priceScanRange", e.Field);
        Assert.Equal("underlyings[EUA].volScanRange", Refused(With(new ScanParameters(0.1, VolScanRange: -0.05))).Field);
        Assert.Equal("underlyings[EUA].extremeCoverFraction", Refused(With(new ScanParameters(0.1, ExtremeCoverFraction: 0))).Field);
    }

    [Fact]
    public void UnknownUnderlyingInTheCreditTable_NamesTheRowAndTheUnderlying()
    {
        var e = Refused(With(new ScanParameters(0.1), new InterCommoditySpread("EUA", "XYZ", 1, 1, 0.5)));
        Assert.Equal("interCommoditySpreads[0].underlying2", e.Field);
        Assert.Contains("'XYZ'", e.Message);
        Assert.Equal("interCommoditySpreads[0].underlying2",
            Refused(With(new ScanParameters(0.1), new InterCommoditySpread("EUA", "EUA", 1, 1, 0.5))).Field);
        Assert.Equal("interCommoditySpreads[0].creditRate",
            Refused(With(new ScanParameters(0.1), new InterCommoditySpread("EUA", "EUA2", 1, 1, 1.5)) with
            {
                Underlyings = ImmutableDictionary<string, ScanParameters>.Empty.Add("EUA", new(0.1)).Add("EUA2", new(0.1)),
            }).Field);
    }

    [Fact]
    public void HeldUnderlyingWithoutParameters_IsNamed()
    {
        var settings = new SpanSettings { Underlyings = ImmutableDictionary<string, ScanParameters>.Empty.Add("UKA", new ScanParameters(0.2)) };
        var e = Refused(settings);
        Assert.Equal("underlyings[EUA]", e.Field);
        Assert.Contains("F", e.Message);
    }

    [Fact]
    public void HistoryTooShortForTheLookback_NamesTheSeries()
    {
        var dates = Enumerable.Range(0, 300).Select(i => Today.AddDays(-300 + i)).ToArray();
        var history = new ReturnHistory(dates, [new("EUA", [.. dates.Select(_ => 0.01)])]);
        var e = Assert.Throws<InvalidInputException>(() => ExpectedShortfallMargin.Compute(OneFuture, EuaMarket(), Fx, history,
            new ExpectedShortfallMarginSettings { LookbackDays = 500 }));
        Assert.Equal("history.returns[EUA]", e.Field);
        Assert.Contains("fewer than the lookback of 500", e.Message);
        Assert.Equal("confidence", Assert.Throws<InvalidInputException>(() => ExpectedShortfallMargin.Compute(OneFuture, EuaMarket(), Fx, history,
            new ExpectedShortfallMarginSettings { Confidence = 0.95 })).Field);
        Assert.Equal("horizonDays", Assert.Throws<InvalidInputException>(() => ExpectedShortfallMargin.Compute(OneFuture, EuaMarket(), Fx, history,
            new ExpectedShortfallMarginSettings { HorizonDays = 10 })).Field);
        Assert.Equal("returns", Assert.Throws<InvalidInputException>(() => ScanRangeCalibration.FromHistory([0.01, 0.02], 2, 0.99)).Field);
    }
}

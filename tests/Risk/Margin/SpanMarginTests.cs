using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Risk.Margin;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk.Margin;

/// <summary>
/// SPAN-style margins worked by hand on the fixture market (EUA Dec-26 70.76, Dec-27 72.83; UKA Dec-26 45.10 GBP at
/// 1.17 EUR): each expected figure is written out from the futures prices, the scan ranges and the charges.
/// </summary>
public sealed class SpanMarginTests
{
    private static readonly AllowanceFuture EuaDec26 = new("EUA", Dec26, 1000, "EUR");
    private static readonly AllowanceFuture EuaDec27 = new("EUA", Dec27, 1000, "EUR");
    private static readonly AllowanceFuture UkaDec26 = new("UKA", Dec26, 1000, "GBP");

    private static readonly ScanParameters Eua = new(PriceScanRange: 0.15, VolScanRange: 0.10, CalendarSpreadChargePerTonne: 2.0,
        DeliveryChargePerTonne: 1.5, ShortOptionMinimumPerTonne: 0.30);

    private static SpanSettings Settings(params InterCommoditySpread[] spreads) => new()
    {
        Underlyings = ImmutableDictionary<string, ScanParameters>.Empty.Add("EUA", Eua).Add("UKA", new ScanParameters(0.20)),
        InterCommoditySpreads = [.. spreads],
    };

    private static Position Short(string id, IAllowanceInstrument instrument, double lots) => new(id, instrument, lots, PositionSide.Short);

    private static SpanMarginResult Margin(params Position[] positions) =>
        SpanMargin.Compute(new Portfolio("EUR", positions), EuaMarket(), Fx, Settings(new InterCommoditySpread("EUA", "UKA", 1, 1, 0.5)));

    [Fact]
    public void OneFuture_ScanChargeIsScanRangeTimesLot()
    {
        var margin = Margin(Long("F", EuaDec26, 2));
        var eua = Assert.Single(margin.Underlyings);
        // 2 lots x 1,000 t x 15% x 70.76: the full down move (scenario 13, the first of the pair 13/14); the extreme move
        // counts 2 x 15% x 35% = 10.5% of the price, less.
        Assert.Equal(2 * 1000 * 0.15 * 70.76, eua.ScanRisk, 1e-9);
        Assert.Equal(13, eua.DrivingScenario.Number);
        Assert.Equal(-2 * 1000 * 0.15 * 70.76, eua.ScenarioLosses[10], 1e-9); // scenario 11, up 3/3: a gain
        Assert.Equal(2 * 1000 * 2 * 0.15 * 70.76 * 0.35, eua.ScenarioLosses[15], 1e-9);
        Assert.Equal(2000, eua.NetDeltaTonnes, 1e-6);
        Assert.Equal(eua.ScanRisk, margin.Total, 1e-9);
    }

    [Fact]
    public void CalendarSpread_IsBelowItsLegs_ByTheScanItSaves_LessTheSpreadCharge()
    {
        var legs = Margin(Long("L", EuaDec26, 1)).Total + Margin(Short("S", EuaDec27, 1)).Total;
        var spread = Margin(Long("L", EuaDec26, 1), Short("S", EuaDec27, 1));
        var eua = Assert.Single(spread.Underlyings);
        Assert.Equal(1000 * 0.15 * (70.76 + 72.83), legs, 1e-9);
        // A parallel move of +15% loses 1,000 x 15% x (72.83 - 70.76) = 310.50 on the spread; 1,000 matched tonnes at 2.00.
        Assert.Equal(1000 * 0.15 * (72.83 - 70.76), eua.ScanRisk, 1e-9);
        Assert.Equal(11, eua.DrivingScenario.Number);
        Assert.Equal(1000 * 2.0, eua.CalendarSpreadCharge, 1e-6);
        double credit = legs - spread.Total;
        Assert.Equal(1000 * 0.15 * (70.76 + 72.83) - (310.50 + 2000), credit, 1e-6);
    }

    [Fact]
    public void ShortOptionMinimum_BindsForFarOutOfTheMoneyShorts()
    {
        var call = Option("EUA", OptionType.Call, 200, new DateOnly(2026, 6, 17), Dec26);
        var eua = Assert.Single(Margin(Short("C", call, 10)).Underlyings);
        // The scan by hand: 10 lots of the Black-76 call revalued at every (price, vol) scenario.
        var o = call.Resolve(EuaMarket());
        double Value(double factor, double vol) => 1000 * Black76.Price(OptionType.Call, o.Forward * factor, 200, o.Expiry, vol, o.DiscountFactor);
        double scan = new[] { 0, 1 / 3.0, 2 / 3.0, 1.0 }.SelectMany(k => new[] { k, -k })
            .SelectMany(k => new[] { +1, -1 }.Select(v => 10 * (Value(1 + k * 0.15, o.Volatility + v * 0.10) - Value(1, o.Volatility))))
            .Concat(new[] { 0.3, -0.3 }.Select(k => 0.35 * 10 * (Value(1 + k, o.Volatility) - Value(1, o.Volatility)))).Max();
        Assert.Equal(scan, eua.ScanRisk, 1e-6);
        Assert.Equal(10 * 1000 * 0.30, eua.ShortOptionMinimum, 1e-9);
        Assert.True(eua.ScanRisk < eua.ShortOptionMinimum, $"scan {eua.ScanRisk} should be below the 3,000 floor");
        Assert.Equal(3000, eua.Total, 1e-9);
    }

    [Fact]
    public void DeliveryMonthCharge_OnlyOnTheDeliveryInsideTheWindow()
    {
        var today = new DateOnly(2026, 12, 7); // Dec-26 delivers in 14 days, Dec-27 in 378
        var market = new MarketSnapshot(today, new FlatDiscountCurve(Rate),
            [new("EUA", new FuturesCurve(today, [(Dec26, 70.0), (Dec27, 72.0)]))]);
        var margin = SpanMargin.Compute(new Portfolio("EUR", [Long("A", EuaDec26), Long("B", EuaDec27)]), market, Fx, Settings());
        var eua = Assert.Single(margin.Underlyings);
        Assert.Equal(1000 * 1.5, eua.DeliveryCharge, 1e-6);
        Assert.Equal(0, eua.CalendarSpreadCharge);
        Assert.Equal(1000 * 0.15 * (70 + 72) + 1500, margin.Total, 1e-6);
    }

    [Fact]
    public void MixedBook_MatchesAHandComputation()
    {
        var put = Option("EUA", OptionType.Put, 50, new DateOnly(2026, 12, 16), Dec26);
        var margin = Margin(Long("F26", EuaDec26, 3), Short("F27", EuaDec27, 1), Short("P", put, 2), Short("U", UkaDec26, 2));

        // EUA: 3 long Dec-26, 1 short Dec-27 and 2 short puts; every delivery moved alike by k x 15%, vol by +-10 points.
        var o = put.Resolve(EuaMarket());
        double Put(double factor, double vol) => 1000 * Black76.Price(OptionType.Put, o.Forward * factor, 50, o.Expiry, vol, o.DiscountFactor);
        double EuaPnl(double k, double v) => 1000 * k * (3 * 70.76 - 72.83) - 2 * (Put(1 + k, o.Volatility + v) - Put(1, o.Volatility));
        double euaScan = new[] { 0, 1 / 3.0, 2 / 3.0, 1.0 }.SelectMany(k => new[] { k, -k })
            .SelectMany(k => new[] { 0.10, -0.10 }.Select(v => -EuaPnl(k * 0.15, v)))
            .Concat(new[] { 0.30, -0.30 }.Select(k => -0.35 * EuaPnl(k, 0))).Max();
        double putDelta = Black76.Greeks(OptionType.Put, o.Forward, 50, o.Expiry, o.Volatility, -Math.Log(o.DiscountFactor) / o.Expiry).Delta;
        double dec26Delta = 3000 - 2 * 1000 * putDelta; // the short puts add long delta
        double euaNet = dec26Delta - 1000;
        double calendar = 1000 * 2.0; // min(long, short) tonnes: the short Dec-27 lot

        // UKA: 2 short lots, 20% of 45.10 GBP at 1.17 EUR; net delta -2,000 t.
        double ukaScan = 2 * 1000 * 0.20 * 45.10 * 1.17;

        // EUA-UKA 1:1 at 50%: min(euaNet, 2,000) spreads; each leg credited 50% of its scan per tonne of net delta.
        double spreads = Math.Min(euaNet, 2000);
        double euaCredit = 0.5 * spreads * euaScan / euaNet, ukaCredit = 0.5 * spreads * ukaScan / 2000;
        double shortMinimum = 2 * 1000 * 0.30;
        double expected = Math.Max(euaScan + calendar - euaCredit, shortMinimum) + (ukaScan - ukaCredit);

        var eua = margin.Underlyings.Single(u => u.Underlying == "EUA");
        var uka = margin.Underlyings.Single(u => u.Underlying == "UKA");
        Assert.Equal(euaScan, eua.ScanRisk, 1e-6);
        Assert.Equal(euaNet, eua.NetDeltaTonnes, 1e-3);
        Assert.Equal(euaCredit, eua.InterCommodityCredit, 1e-3);
        Assert.Equal(ukaCredit, uka.InterCommodityCredit, 1e-3);
        Assert.Equal(expected, margin.Total, 1e-3);
        Assert.Equal(euaScan > ukaScan ? "EUA" : "UKA", margin.Driving!.Underlying);
        Assert.True(margin.Total < eua.ScanRisk + calendar + ukaScan - 1000, "the EUA-UKA credit must lower the total");
    }
}

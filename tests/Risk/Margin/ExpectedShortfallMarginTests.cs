using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Risk.Margin;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk.Margin;

/// <summary>Expected-shortfall margin and the scan range's calibration on constructed histories worked by hand.</summary>
public sealed class ExpectedShortfallMarginTests
{
    private static readonly AllowanceFuture EuaDec26 = new("EUA", Dec26, 1000, "EUR");

    /// <summary>A calm history of ±1% days alternating, with a crash of −5% days at the dates given.</summary>
    private static ReturnHistory History(int days, Func<int, double> returnOn)
    {
        var dates = Enumerable.Range(0, days).Select(i => new DateOnly(2020, 1, 1).AddDays(i)).ToArray();
        return new ReturnHistory(dates, [new("EUA", [.. Enumerable.Range(0, days).Select(returnOn)])]);
    }

    [Fact]
    public void StressPeriod_OutsideTheLookback_EntersTheTail()
    {
        // 1,000 days: days 100..104 fall 5% a day (log), the rest alternate +-1%. Lookback 250: only the calm tail.
        var history = History(1000, i => i is >= 100 and <= 104 ? -0.05 : i % 2 == 0 ? 0.01 : -0.01);
        var book = new Portfolio("EUR", [Long("F", EuaDec26, 1)]);
        var calm = ExpectedShortfallMargin.Compute(book, EuaMarket(), Fx, history, new() { LookbackDays = 250, HorizonDays = 2 });
        // Every 2-day window of the calm tail sums to 0: no loss at all.
        Assert.Equal(249, calm.Windows);
        Assert.Equal(0, calm.Margin, 1e-9);

        var stressed = ExpectedShortfallMargin.Compute(book, EuaMarket(), Fx, history, new()
        {
            LookbackDays = 250, HorizonDays = 2, Confidence = 0.99, StressFrom = history.Dates[100], StressTo = history.Dates[104],
        });
        // Four stress windows of -10% (2 x -5%); 253 windows, k = ceil(253 x 1%) = 3 worst, all -10%: ES = 1,000 x 70.76 x (1 - e^-0.1).
        Assert.Equal(4, stressed.StressWindows);
        Assert.Equal(253, stressed.Windows);
        Assert.Equal(1000 * 70.76 * -double.ExpM1(-0.1), stressed.Margin, 1e-6);
        Assert.Equal(history.Dates[101], stressed.WorstWindowEnd);
    }

    [Fact]
    public void ScanRange_IsTheStatedQuantileOfTheHDayMoves()
    {
        // 400 daily returns: 396 of 0 and 4 of +10%, spaced apart. One-day moves: 396 zeros and 4 of e^0.1 - 1.
        var returns = Enumerable.Range(0, 400).Select(i => i % 100 == 50 ? 0.1 : 0.0).ToArray();
        Assert.Equal(0, ScanRangeCalibration.FromHistory(returns, 1, 0.99), 12); // the 396th of 400 is a zero
        Assert.Equal(double.ExpM1(0.1), ScanRangeCalibration.FromHistory(returns, 1, 0.995), 12); // the 398th
        // Two-day windows: 399, of which 8 hold a +10% day: the 99% quantile is the 396th, a +10% move.
        Assert.Equal(double.ExpM1(0.1), ScanRangeCalibration.FromHistory(returns, 2, 0.99), 12);
    }
}

using CarbonDerivatives.Engine.Specs.Lab;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Tests.Data;
using Xunit;

namespace CarbonDerivatives.Tests.Specs;

/// <summary>
/// The historical margin back-test: on a series whose answers are known by hand (two ±20% days among flat
/// ones), and on the real EUA front-Dec history, whose worst day is the 2013-04-16 backloading vote (−43.5%).
/// </summary>
public sealed class HistoricalMarginTests
{
    private static double[] TwoShocks()
    {
        var returns = new double[100];
        returns[10] = -0.2;
        returns[60] = 0.2;
        return returns;
    }

    [Fact]
    public void TwoShocks_CoverageWorstLossesAndMarginNeededAsWorkedOut()
    {
        // F0 = 70, 1,000 t: the -20% day loses 70,000(1 - e^-0.2) = 12,688 on a long lot, the +20% day 70,000(e^0.2 - 1) = 15,500 on a short.
        var result = HistoricalMargin.Compute(TwoShocks(), 70, 1000, 1, 5000, 0.05, [0.99, 0.997]);
        Assert.Equal(100, result.Windows);
        Assert.Equal(0.99, result.CoverageLong);
        Assert.Equal(0.99, result.CoverageShort);
        Assert.Equal(0.98, result.CoverageEitherSide);
        Assert.Equal(1.0, result.CoverageEitherSideWithLimits); // a 5% limit caps each day's loss at 3,500
        Assert.Equal(70_000 * (1 - Math.Exp(-0.2)), result.WorstLossLong, 1e-9);
        Assert.Equal(70_000 * (Math.Exp(0.2) - 1), result.WorstLossShort, 1e-9);
        Assert.Equal(0, result.MarginNeeded[0].Long);            // 99%: only 1 window in 100 loses anything on a long lot
        Assert.Equal(result.WorstLossLong, result.MarginNeeded[1].Long, 1e-9); // 99.7%: the worst window
    }

    [Fact]
    public void TwoDayWindows_CompoundTheMoves()
    {
        var result = HistoricalMargin.Compute(TwoShocks(), 70, 1000, 2, null, null, [0.99]);
        Assert.Equal(99, result.Windows);
        Assert.Null(result.CoverageLong);
        Assert.Equal(70_000 * (1 - Math.Exp(-0.2)), result.WorstLossLong, 1e-9);
    }

    [Fact]
    public void EuaHistory_WorstLongDayIsTheBackloadingVote()
    {
        var prices = ShippedData.Prices(ShippedData.EuaFrontDec);
        var returns = Engine.Market.PriceHistory.LogReturns(prices);
        var result = HistoricalMargin.Compute(returns, 70.76, 1000, 1, 5000, null, [0.99, 0.997]);
        // MARKETS.md: worst day -43.5% (2013-04-16), a log return: the price fell to e^-0.435 of itself, -35.3%.
        double expected = 70_760 * -double.ExpM1(-0.435);
        Assert.Equal(expected, result.WorstLossLong, 0.005 * expected);
        Assert.InRange(result.CoverageLong!.Value, 0.95, 1.0);
    }

    [Fact]
    public void TooFewReturns_Refused() =>
        Assert.Equal("settings.historicalLogReturns", Assert.Throws<InvalidInputException>(() =>
            HistoricalMargin.Compute(new double[10], 70, 1000, 1, 5000, null, [0.99])).Field);
}

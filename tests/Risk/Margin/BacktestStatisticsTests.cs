using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Risk.Backtesting;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Risk.Margin;

/// <summary>
/// Back-test statistics against values computed independently at 40 digits by scripts/backtest_reference.py (mpmath),
/// and a back-test on a constructed history whose breaches are known.
/// </summary>
public sealed class BacktestStatisticsTests
{
    [Fact]
    public void Kupiec_MatchesTheReferenceScript()
    {
        var five = KupiecTest.Of(250, 5, 0.01); // 5 breaches where 2.5 were expected
        Assert.Equal(1.956809788230629, five.Statistic, 1e-12);
        Assert.Equal(0.1618549171960419, five.PValue, 1e-12);
        var none = KupiecTest.Of(1000, 0, 0.003); // an empty cell: 0·ln 0 = 0
        Assert.Equal(6.009018040597444, none.Statistic, 1e-12);
        Assert.Equal(0.01423294587590285, none.PValue, 1e-12);
        Assert.Equal(0, KupiecTest.Of(100, 1, 0.01).Statistic, 12); // exactly the stated rate
    }

    [Fact]
    public void Christoffersen_ClusteredBreaches_MatchTheReferenceScript()
    {
        var hits = Enumerable.Range(0, 40).Select(i => i is 5 or 6 or 7 or 30).ToArray();
        var test = ChristoffersenTest.Of(hits);
        Assert.Equal(4.915635235183296, test.Statistic, 1e-12);
        Assert.Equal(0.02661467458279048, test.PValue, 1e-12);
        Assert.Equal("breaches", Assert.Throws<InvalidInputException>(() => ChristoffersenTest.Of([true])).Field);
    }

    [Fact]
    public void Backtest_ConstructedHistory_CountsTheBreachesItHolds()
    {
        // 1,000 daily returns repeating +1%, -1%, +3%, -3%, except two shocks of -20% at returns 800 and 900. The margin dates
        // are odd, so each observed period is a pair (+1%, -1%) or (+3%, -3%) and moves 0, but the lookback's overlapping
        // windows include the straddling pairs of +-2%: the scan range is e^0.02 - 1, and only the shocks breach.
        var dates = Enumerable.Range(0, 1000).Select(i => new DateOnly(2020, 1, 1).AddDays(i)).ToArray();
        double[] cycle = [0.01, -0.01, 0.03, -0.03];
        var returns = Enumerable.Range(0, 1000).Select(i => i is 800 or 900 ? -0.2 : cycle[i % 4]).ToArray();
        var history = new ReturnHistory(dates, [new("X", [.. returns])]);
        var result = MarginBacktest.Run("X", history, MarginModel.Span, new BacktestSettings { LookbackDays = 250, HorizonDays = 2 });
        Assert.Equal(375, result.Observations); // margin dates 249, 251, ..., 997
        Assert.Equal(2, result.Breaches);
        Assert.Equal(KupiecTest.Of(375, 2, 0.01).PValue, result.Kupiec.PValue, 15);
        var worst = result.WorstBreaches[0];
        Assert.Equal(dates[799], worst.Set);
        Assert.Equal(double.ExpM1(-0.2 - 0.01), worst.Move, 12); // return 801 is -1%
        Assert.Equal(double.ExpM1(0.02), worst.Margin, 12);
    }
}

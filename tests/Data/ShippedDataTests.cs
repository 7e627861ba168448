using CarbonDerivatives.Engine.Risk;
using Xunit;

namespace CarbonDerivatives.Tests.Data;

/// <summary>
/// The files in data/ are what data/README.md says they are (rows, date range, order, units' range), and the
/// facts the project quotes from them hold: the EUA volatility and worst day of MARKETS.md, and every EUA
/// shock of the stress catalogue as the close-to-close change of its date.
/// </summary>
public sealed class ShippedDataTests
{
    [Theory]
    [InlineData(ShippedData.EuaFrontDec, 4_768, "2008-01-03", "2026-05-20", 2.70, 98.01)]
    [InlineData(ShippedData.EuaWithPhaseOne, 4_861, "2005-05-19", "2024-04-08", 0.01, 97.67)]
    [InlineData(ShippedData.Guangdong, 1_921, "2014-03-20", "2023-02-20", 8.10, 95.26)]
    public void File_RowsRangeAndOrderAsDocumented(string file, int rows, string first, string last, double min, double max)
    {
        Assert.Equal("date,price", File.ReadLines(ShippedData.PathOf(file)).First());
        var data = ShippedData.Rows(file);
        Assert.Equal(rows, data.Length);
        Assert.Equal(DateOnly.Parse(first), data[0].Date);
        Assert.Equal(DateOnly.Parse(last), data[^1].Date);
        for (int i = 1; i < data.Length; i++) Assert.True(data[i].Date > data[i - 1].Date, $"{file}: {data[i].Date} after {data[i - 1].Date}");
        Assert.Equal(min, data.Min(r => r.Price));
        Assert.Equal(max, data.Max(r => r.Price));
        Assert.All(data, r => Assert.Equal(Math.Round(r.Price, 2), r.Price));
    }

    [Fact]
    public void EuaFrontDec_VolatilityAndWorstDayAsInMarketsMd()
    {
        var rows = ShippedData.Rows(ShippedData.EuaFrontDec);
        var returns = Engine.Market.PriceHistory.LogReturns(rows.Select(r => r.Price).ToArray());
        double mean = returns.Average();
        double vol = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1) * 252);
        Assert.Equal(0.463, vol, 0.0005);
        int worst = Array.IndexOf(returns, returns.Min());
        Assert.Equal(new DateOnly(2013, 4, 16), rows[worst + 1].Date);
        Assert.Equal(Math.Log(3.03 / 4.68), returns[worst], 1e-12);
        Assert.Equal(-0.435, returns[worst], 0.0005);
    }

    [Fact]
    public void EuaWithPhaseOne_TheCollapseAndTheSwitchToPhaseTwo()
    {
        var prices = ShippedData.Rows(ShippedData.EuaWithPhaseOne).ToDictionary(r => r.Date, r => r.Price);
        Assert.Equal(29.85, prices[new DateOnly(2006, 4, 24)]);
        Assert.Equal(11.40, prices[new DateOnly(2006, 5, 2)]);
        Assert.Equal(0.01, prices[new DateOnly(2007, 11, 30)]);
        Assert.Equal(0.01, prices[new DateOnly(2007, 12, 17)]);
        Assert.Equal(22.60, prices[new DateOnly(2007, 12, 18)]); // Phase II allowances from here on
    }

    /// <summary>Each one-day EUA event of the catalogue: its date and shock.</summary>
    public static TheoryData<string, string> OneDayEuaEvents => new()
    {
        { "2013-04-16", "EUA backloading vote 2013-04-16" },
        { "2016-06-24", "Brexit 2016-06-24" },
        { "2020-03-18", "COVID 2020-03-18" },
        { "2022-03-01", "Ukraine invasion 2022-03-01" },
        { "2022-03-08", "EUA rebound 2022-03-08" },
    };

    [Theory]
    [MemberData(nameof(OneDayEuaEvents))]
    public void StressCatalogue_OneDayEuaShock_IsTheCloseToCloseChangeOfItsDate(string date, string scenario)
    {
        var rows = ShippedData.Rows(ShippedData.EuaFrontDec);
        int day = Array.FindIndex(rows, r => r.Date == DateOnly.Parse(date));
        Assert.True(day > 0, $"{date} is not in the series");
        double change = rows[day].Price / rows[day - 1].Price - 1;
        var shock = StressCatalogue.Historical.Single(s => s.Name == scenario);
        Assert.Equal(change, shock.PriceShocks["EUA"], 1e-4);
        Assert.Equal(1, shock.Days);
    }

    [Fact]
    public void StressCatalogue_April2006_IsTheChangeFromTheAprilHighToTheMayLow()
    {
        var prices = ShippedData.Rows(ShippedData.EuaWithPhaseOne).ToDictionary(r => r.Date, r => r.Price);
        double change = prices[new DateOnly(2006, 5, 2)] / prices[new DateOnly(2006, 4, 24)] - 1;
        Assert.Equal(change, StressCatalogue.EuaApril2006Collapse.PriceShocks["EUA"], 1e-3);
    }
}

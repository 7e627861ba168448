using CarbonDerivatives.Engine.Risk.Margin;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Risk.Margin;

/// <summary>The vol scan range from a vol history, worked by hand on constructed series.</summary>
public sealed class VolScanCalibrationTests
{
    // 1,000 days of vol 40% + 1 point x (day mod 10): one-day changes are +1 point nine days in ten and −9 points on the
    // tenth; two-day changes +2 points eight in ten and −8 points twice.
    private static readonly double[] SawtoothVols = [.. Enumerable.Range(0, 1000).Select(i => 0.40 + 0.01 * (i % 10))];

    [Fact]
    public void VolScan_IsTheStatedQuantileOfTheAbsoluteHDayChanges()
    {
        // 999 one-day changes, 99 of them 9 points: the 95% quantile (the 950th smallest) is one of those.
        Assert.Equal(0.09, ScanRangeCalibration.VolScanFromHistory(SawtoothVols, 1, 0.95), 12);
        // 998 two-day changes, 198 of 8 points: the 95% quantile (the 949th) is 8 points, and so is the 90% one (the 899th).
        Assert.Equal(0.08, ScanRangeCalibration.VolScanFromHistory(SawtoothVols, 2, 0.95), 12);
        Assert.Equal(0.08, ScanRangeCalibration.VolScanFromHistory(SawtoothVols, 2, 0.90), 12);
        // A flat vol history needs no vol scan.
        Assert.Equal(0, ScanRangeCalibration.VolScanFromHistory([.. Enumerable.Repeat(0.45, 300)], 2, 0.99));
    }

    [Fact]
    public void RealisedVols_AreTheRollingSampleDeviation_Annualised()
    {
        // Returns of ±2% alternating: every 20-day window has mean 0 and s = 0.02·√(20/19).
        var returns = Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? 0.02 : -0.02).ToArray();
        var vols = ScanRangeCalibration.RealisedVolatilities(returns, 20);
        Assert.Equal(281, vols.Length);
        Assert.All(vols, v => Assert.Equal(0.02 * Math.Sqrt(20.0 / 19 * 252), v, 12));
        // From ±1% to ±3% on day 150: the realised vol climbs over one window, and the 99% two-day change is a hand-computed one.
        var regime = Enumerable.Range(0, 600).Select(i => (i < 300 ? 0.01 : 0.03) * (i % 2 == 0 ? 1 : -1)).ToArray();
        var climbing = ScanRangeCalibration.RealisedVolatilities(regime, 10);
        double low = 0.01 * Math.Sqrt(10.0 / 9 * 252), high = 0.03 * Math.Sqrt(10.0 / 9 * 252);
        Assert.Equal(low, climbing[0], 12);
        Assert.Equal(high, climbing[^1], 12);
        double scan = ScanRangeCalibration.VolScanFromHistory(climbing, 2, 0.99);
        Assert.InRange(scan, 0, high - low);
        Assert.True(scan > 0, "the window that spans the switch moves the vol");
    }

    [Theory]
    [InlineData("volatilities", 100, 1, 0.99)]
    [InlineData("quantile", 1000, 1, 1.0)]
    [InlineData("quantile", 1000, 1, 0.5)]
    [InlineData("horizonDays", 1000, 0, 0.99)]
    public void BadInput_NamesTheField(string field, int days, int horizon, double quantile)
    {
        var vols = SawtoothVols.Take(days).ToArray();
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => ScanRangeCalibration.VolScanFromHistory(vols, horizon, quantile)).Field);
    }

    [Fact]
    public void BadInput_NegativeOrNaNVol_AndWindowsTooShort_NamesTheField()
    {
        var vols = (double[])SawtoothVols.Clone();
        vols[7] = -0.1;
        Assert.Equal("volatilities[7]", Assert.Throws<InvalidInputException>(() => ScanRangeCalibration.VolScanFromHistory(vols, 1, 0.99)).Field);
        vols[7] = double.NaN;
        Assert.Equal("volatilities[7]", Assert.Throws<InvalidInputException>(() => ScanRangeCalibration.VolScanFromHistory(vols, 1, 0.99)).Field);
        Assert.Equal("returns", Assert.Throws<InvalidInputException>(() => ScanRangeCalibration.RealisedVolatilities([0.01, 0.02, 0.0], 5)).Field);
        Assert.Equal("window", Assert.Throws<InvalidInputException>(() => ScanRangeCalibration.RealisedVolatilities(new double[100], 2)).Field);
    }
}

using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Market;

public sealed class VolSurfaceTests
{
    [Fact]
    public void FlatVolSurface_Volatility_IsConstant()
    {
        Assert.Equal(0.46, new FlatVolSurface(0.46).Volatility(2.0, 120.0));
    }

    [Fact]
    public void VolTermStructure_Interpolation_LinearInTotalVarianceFlatOutside()
    {
        var ts = new VolTermStructure([0.5, 2.0], [0.4, 0.3]);
        // w(1) = 0.4²·0.5 + (0.5/1.5)·(0.3²·2 − 0.4²·0.5) = 0.08 + 0.1/3; σ = sqrt(w/1).
        Assert.Equal(Math.Sqrt(0.08 + 0.1 / 3.0), ts.Volatility(1.0, 80.0), 14);
        Assert.Equal(0.4, ts.Volatility(0.1, 80.0));
        Assert.Equal(0.4, ts.Volatility(0.0, 80.0));
        Assert.Equal(0.3, ts.Volatility(5.0, 80.0));
        Assert.Equal(0.3, ts.Volatility(2.0, 80.0), 15);
    }

    [Fact]
    public void VolGrid_Interpolation_LinearInStrikeTotalVarianceInTime()
    {
        var grid = new VolGrid([0.5, 1.0], [60.0, 80.0, 100.0], new[,] { { 0.50, 0.45, 0.42 }, { 0.46, 0.43, 0.41 } });
        // Strike 70: smiles 0.475 and 0.445; expiry 0.75 halfway in total variance.
        double w0 = 0.475 * 0.475 * 0.5, w1 = 0.445 * 0.445 * 1.0;
        Assert.Equal(Math.Sqrt((w0 + 0.5 * (w1 - w0)) / 0.75), grid.Volatility(0.75, 70.0), 14);
        Assert.Equal(0.50, grid.Volatility(0.25, 50.0)); // flat in both directions
        Assert.Equal(0.41, grid.Volatility(3.0, 150.0));
        Assert.Equal(0.43, grid.Volatility(1.0, 80.0), 15);
        Assert.Equal(0.42, grid[0, 2]);
    }

    [Fact]
    public void VolGrid_BadShapeOrValues_ThrowNamingField()
    {
        Assert.Equal("volatilities", Assert.Throws<InvalidInputException>(() =>
            new VolGrid([0.5, 1.0], [60.0, 80.0], new[,] { { 0.5, 0.4, 0.3 }, { 0.5, 0.4, 0.3 } })).Field);
        Assert.Equal("volatilities[1,0]", Assert.Throws<InvalidInputException>(() =>
            new VolGrid([0.5, 1.0], [60.0], new[,] { { 0.5 }, { -0.1 } })).Field);
        Assert.Equal("volatilities[0,0]", Assert.Throws<InvalidInputException>(() =>
            new VolGrid([0.5], [60.0], new[,] { { double.NaN } })).Field);
        Assert.Equal("strikes[1]", Assert.Throws<InvalidInputException>(() =>
            new VolGrid([0.5], [80.0, 60.0], new[,] { { 0.4, 0.4 } })).Field);
        Assert.Equal("expiries[0]", Assert.Throws<InvalidInputException>(() =>
            new VolGrid([0.0], [60.0], new[,] { { 0.4 } })).Field);
    }

    [Fact]
    public void VolTermStructure_BadInput_ThrowsNamingField()
    {
        Assert.Equal("expiries[1]", Assert.Throws<InvalidInputException>(() => new VolTermStructure([1.0, 0.5], [0.4, 0.3])).Field);
        Assert.Equal("volatilities[0]", Assert.Throws<InvalidInputException>(() => new VolTermStructure([1.0], [double.PositiveInfinity])).Field);
        Assert.Equal("volatilities", Assert.Throws<InvalidInputException>(() => new VolTermStructure([1.0, 2.0], [0.4])).Field);
        Assert.Equal("volatility", Assert.Throws<InvalidInputException>(() => new FlatVolSurface(-0.2)).Field);
        Assert.Equal("expiry", Assert.Throws<InvalidInputException>(() => new FlatVolSurface(0.2).Volatility(-1, 80)).Field);
        Assert.Equal("strike", Assert.Throws<InvalidInputException>(() => new FlatVolSurface(0.2).Volatility(1, double.NaN)).Field);
    }
}

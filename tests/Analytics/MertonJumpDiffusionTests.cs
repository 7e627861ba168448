using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

public sealed class MertonJumpDiffusionTests
{
    // MARKETS.md: Merton fit to 2021–2025 EUA daily returns.
    private const double EuaVol = 0.33, EuaLambda = 6.1, EuaJumpMean = -0.029, EuaJumpVol = 0.083;

    [Theory]
    [InlineData(OptionType.Call, 80.0, 70.0, 0.75)]
    [InlineData(OptionType.Put, 80.0, 95.0, 2.0)]
    [InlineData(OptionType.Call, 70.76, 70.76, 0.1)]
    public void Price_ZeroIntensity_EqualsBlack76(OptionType type, double f, double k, double t)
    {
        double expected = Black76.Price(type, f, k, t, 0.45, 0.97);
        double actual = MertonJumpDiffusion.Price(type, f, k, t, 0.45, 0.0, -0.1, 0.2, 0.97);
        Assert.Equal(expected, actual, 14);
    }

    [Fact]
    public void Price_ZeroJumpSize_EqualsBlack76()
    {
        // μJ = σJ = 0: jumps of size 1 change nothing, so any intensity gives Black-76.
        double expected = Black76.Price(OptionType.Call, 80, 85, 1.5, 0.4, 0.95);
        Assert.Equal(expected, MertonJumpDiffusion.Price(OptionType.Call, 80, 85, 1.5, 0.4, 3.0, 0.0, 0.0, 0.95), 12);
    }

    [Fact]
    public void Price_MatchesLewisFourierReference_EuaParameters()
    {
        foreach (double t in new[] { 0.1, 0.75, 3.0 })
            foreach (double k in new[] { 50.0, 70.0, 80.0, 90.0, 120.0 })
            {
                double df = Math.Exp(-0.03 * t);
                double expected = MertonFourierReference.Call(80, k, t, EuaVol, EuaLambda, EuaJumpMean, EuaJumpVol, df);
                double actual = MertonJumpDiffusion.Price(OptionType.Call, 80, k, t, EuaVol, EuaLambda, EuaJumpMean, EuaJumpVol, df);
                Assert.True(Math.Abs(actual - expected) <= 1e-8 * expected + 1e-10,
                    $"T={t} K={k}: series {actual} vs Fourier {expected}");
            }
    }

    [Fact]
    public void Price_MatchesLewisFourierReference_LargeRareJumps()
    {
        // Pollution-rights style: rare, large regulatory jumps, many terms needed at long expiry.
        foreach (double t in new[] { 0.5, 5.0 })
        {
            double expected = MertonFourierReference.Call(100, 110, t, 0.2, 0.5, -0.3, 0.4, 1.0);
            double actual = MertonJumpDiffusion.Price(OptionType.Call, 100, 110, t, 0.2, 0.5, -0.3, 0.4, 1.0);
            Assert.True(Math.Abs(actual - expected) <= 1e-8 * expected, $"T={t}: {actual} vs {expected}");
        }
    }

    // Haug, "The Complete Guide to Option Pricing Formulas" (1998) p. 9, as corrected and reproduced in
    // QuantLib test-suite/jumpdiffusion.cpp (testMerton76): spot 100, q = 0, r = 8%, total vol 25%,
    // gamma = share of variance from jumps, zero mean jump (k = 0); tolerance 1e-2 as there.
    [Theory]
    [InlineData(80.0, 0.10, 1.0, 0.25, 20.67)]
    [InlineData(80.0, 0.50, 1.0, 0.25, 23.63)]
    [InlineData(90.0, 0.25, 5.0, 0.25, 12.75)]
    [InlineData(100.0, 0.10, 1.0, 0.25, 3.42)]
    [InlineData(100.0, 0.25, 1.0, 0.25, 5.88)]
    [InlineData(100.0, 0.50, 10.0, 0.25, 9.03)]
    [InlineData(110.0, 0.25, 5.0, 0.25, 2.16)]
    [InlineData(120.0, 0.50, 1.0, 0.25, 2.23)]
    [InlineData(120.0, 0.10, 10.0, 0.25, 0.05)]
    [InlineData(80.0, 0.25, 1.0, 0.50, 21.83)]
    [InlineData(90.0, 0.50, 1.0, 0.50, 15.34)]
    [InlineData(100.0, 0.10, 1.0, 0.50, 3.14)]
    [InlineData(100.0, 0.50, 5.0, 0.50, 8.96)]
    [InlineData(110.0, 0.25, 1.0, 0.50, 1.93)]
    [InlineData(120.0, 0.10, 1.0, 0.50, 0.19)]
    [InlineData(120.0, 0.50, 10.0, 0.50, 2.24)]
    public void Price_MatchesHaugMertonTable(double strike, double t, double lambda, double gamma, double expected)
    {
        const double spot = 100, r = 0.08, totalVol = 0.25;
        double jumpVol = totalVol * Math.Sqrt(gamma / lambda);
        double diffusionVol = totalVol * Math.Sqrt(1 - gamma);
        double jumpMean = -0.5 * jumpVol * jumpVol; // E[J] = 1
        double df = Math.Exp(-r * t);
        double forward = spot / df; // no dividends: F = S·e^{rT}
        double actual = MertonJumpDiffusion.Price(OptionType.Call, forward, strike, t, diffusionVol, lambda, jumpMean, jumpVol, df);
        Assert.True(Math.Abs(actual - expected) <= 1e-2, $"K={strike} T={t} λ={lambda} γ={gamma}: {actual} vs {expected}");
    }

    [Fact]
    public void Price_PutCallParity_Holds()
    {
        foreach (double k in new[] { 40.0, 70.76, 100.0 })
        {
            double df = 0.96;
            double call = MertonJumpDiffusion.Price(OptionType.Call, 70.76, k, 1.2, EuaVol, EuaLambda, EuaJumpMean, EuaJumpVol, df);
            double put = MertonJumpDiffusion.Price(OptionType.Put, 70.76, k, 1.2, EuaVol, EuaLambda, EuaJumpMean, EuaJumpVol, df);
            Assert.Equal(df * (70.76 - k), call - put, 11);
        }
    }

    [Fact]
    public void Price_ZeroExpiry_GivesDiscountedIntrinsic()
    {
        Assert.Equal(0.9 * 10, MertonJumpDiffusion.Price(OptionType.Put, 70, 80, 0, EuaVol, EuaLambda, EuaJumpMean, EuaJumpVol, 0.9), 14);
    }

    public static TheoryData<string, double[]> BadInputs() => new()
    {
        // forward, strike, expiry, vol, lambda, jumpMean, jumpVol, df
        { "forward", [double.NaN, 80, 1, 0.3, 1, 0, 0.1, 1] },
        { "strike", [80, 0, 1, 0.3, 1, 0, 0.1, 1] },
        { "expiry", [80, 80, -1, 0.3, 1, 0, 0.1, 1] },
        { "volatility", [80, 80, 1, -0.3, 1, 0, 0.1, 1] },
        { "jumpIntensity", [80, 80, 1, 0.3, -1, 0, 0.1, 1] },
        { "jumpIntensity", [80, 80, 1, 0.3, double.PositiveInfinity, 0, 0.1, 1] },
        { "jumpIntensity", [80, 80, 10, 0.3, 1e4, 0, 0.1, 1] }, // λT far beyond the series cap
        { "jumpMean", [80, 80, 1, 0.3, 1, double.NaN, 0.1, 1] },
        { "jumpVolatility", [80, 80, 1, 0.3, 1, 0, -0.1, 1] },
        { "discountFactor", [80, 80, 1, 0.3, 1, 0, 0.1, double.NegativeInfinity] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Price_BadInput_ThrowsNamingField(string field, double[] a)
    {
        var ex = Assert.Throws<InvalidInputException>(() =>
            MertonJumpDiffusion.Price(OptionType.Call, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]));
        Assert.Equal(field, ex.Field);
    }
}

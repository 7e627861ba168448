using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Heston;

/// <summary>
/// The Lewis Fourier price of Heston against QLNet's AnalyticHestonEngine (to 1e-8 per unit) on 23 cases: EUA-like
/// levels, long expiries (10 y), high vol of vol (ξ up to 2), strong negative correlation (ρ −0.95), Feller violated
/// (2κθ &lt; ξ²), deep in and out of the money; and hard cases where QLNet's adaptive integration is not trusted
/// (two days, 30 years, and fast reversion from a low v₀, where QLNet is off by 7e-5 and 0.27) against mpmath at 40 digits (tools/heston-lewis-mpmath.py).
/// </summary>
public class HestonFourierTests
{
    public static TheoryData<OptionType, double, double, double, double, double, double, double, double, double> Cases => new()
    {
        // type, F, K, T, v0, kappa, theta, xi, rho, DF
        { OptionType.Call, 70, 70, 1, 0.16, 2, 0.16, 0.5, -0.5, 0.97 },
        { OptionType.Put, 70, 70, 1, 0.16, 2, 0.16, 0.5, -0.5, 0.97 },
        { OptionType.Call, 70, 90, 0.75, 0.12, 3, 0.2, 0.8, -0.3, 0.98 },
        { OptionType.Put, 70, 55, 0.75, 0.12, 3, 0.2, 0.8, -0.3, 0.98 },
        { OptionType.Call, 100, 100, 10, 0.04, 1, 0.04, 0.3, -0.7, 0.7 },      // long expiry
        { OptionType.Put, 100, 80, 10, 0.04, 1, 0.04, 0.3, -0.7, 0.7 },
        { OptionType.Call, 100, 130, 5, 0.09, 0.8, 0.12, 0.6, -0.4, 0.85 },
        { OptionType.Call, 80, 80, 0.5, 0.25, 1.5, 0.25, 1.5, -0.9, 0.99 },    // high vol of vol, Feller violated
        { OptionType.Put, 80, 70, 0.5, 0.25, 1.5, 0.25, 1.5, -0.9, 0.99 },
        { OptionType.Call, 80, 95, 0.5, 0.25, 1.5, 0.25, 1.5, -0.9, 0.99 },
        { OptionType.Call, 60, 60, 2, 0.1, 0.5, 0.1, 1.0, -0.95, 0.95 },      // strong negative correlation
        { OptionType.Put, 60, 45, 2, 0.1, 0.5, 0.1, 1.0, -0.95, 0.95 },
        { OptionType.Call, 60, 75, 2, 0.1, 0.5, 0.1, 1.0, -0.95, 0.95 },
        { OptionType.Call, 90, 100, 0.25, 0.06, 5, 0.09, 0.4, 0.3, 0.995 },   // positive correlation
        { OptionType.Put, 90, 85, 0.25, 0.06, 5, 0.09, 0.4, 0.3, 0.995 },
        { OptionType.Call, 50, 20, 1, 0.2, 2, 0.2, 0.7, -0.6, 0.96 },         // deep in the money
        { OptionType.Put, 50, 100, 1, 0.2, 2, 0.2, 0.7, -0.6, 0.96 },
        { OptionType.Call, 50, 110, 1, 0.2, 2, 0.2, 0.7, -0.6, 0.96 },        // deep out of the money
        { OptionType.Call, 75, 75, 0.1, 0.3, 4, 0.15, 0.9, -0.5, 1 },         // short expiry, high v0
        { OptionType.Put, 75, 72, 0.1, 0.3, 4, 0.15, 0.9, -0.5, 1 },
        { OptionType.Call, 40, 42, 3, 0.5, 0.3, 0.3, 0.5, -0.2, 0.9 },        // very high variance
        { OptionType.Call, 100, 100, 1, 0.04, 0.01, 0.04, 0.1, -0.3, 1 },     // almost no mean reversion
        { OptionType.Put, 25, 30, 4, 0.09, 2, 0.06, 2.0, -0.8, 0.88 },        // Feller far violated (2κθ = 0.24 < ξ² = 4)
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Price_EqualsQlnetAnalyticHestonEngine(OptionType type, double forward, double strike, double expiry, double v0,
        double kappa, double theta, double xi, double rho, double df)
    {
        double reference = QlnetHestonReference.Price(type, forward, strike, expiry, v0, kappa, theta, xi, rho, df);
        double price = HestonFourier.Price(type, forward, strike, expiry, v0, new HestonParameters(kappa, theta, xi, rho), df);
        Assert.True(Math.Abs(price - reference) < 1e-8, $"ours {price:R} vs QLNet {reference:R}: {price - reference:E2}");
    }

    public static IEnumerable<object[]> HardCases => new object[][]
    {
        // type, F, K, T, v0, kappa, theta, xi, rho, DF, mpmath value (tools/heston-lewis-mpmath.py)
        new object[] { OptionType.Put, 80.0, 76.0, 2.0 / 365, 0.04, 4.0, 0.2, 0.3, -0.1, 1.0, 0.00012743968660102063 },
        new object[] { OptionType.Call, 80.0, 120.0, 1.0, 0.04, 4.0, 0.2, 0.3, -0.1, 1.0, 3.0877947218696901 },
        new object[] { OptionType.Call, 100.0, 100.0, 30.0, 0.09, 0.5, 0.09, 1.0, -0.9, 0.4, 16.286899869573832 },
        new object[] { OptionType.Put, 50.0, 20.0, 0.25, 0.5, 1.5, 0.3, 2.0, -0.7, 0.99, 0.15925197950738692 },
        new object[] { OptionType.Put, 40.0, 38.0, 3.0, 0.01, 10.0, 0.05, 0.2, 0.0, 0.9, 4.4636533546795087 }, // QLNet: 4.1918
        new object[] { OptionType.Put, 40.0, 38.0, 0.5, 0.01, 10.0, 0.05, 0.2, -0.3, 0.98, 1.3717049731671335 }, // QLNet: 1.3717765
    };

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Price_HardCases_EqualsMpmath(OptionType type, double forward, double strike, double expiry, double v0, double kappa,
        double theta, double xi, double rho, double df, double reference)
    {
        double price = HestonFourier.Price(type, forward, strike, expiry, v0, new HestonParameters(kappa, theta, xi, rho), df);
        Assert.True(Math.Abs(price - reference) < 1e-10, $"ours {price:R} vs mpmath {reference:R}: {price - reference:E2}");
    }

    [Fact]
    public void Price_WithoutVolOfVolLimit_ApproachesBlack76AtTheIntegratedVariance()
    {
        // ξ → 0 (ρ = 0, so the first-order term in ρξ is absent too): the variance is deterministic, v(t) = θ + (v₀ − θ)e^{−κt}; Black-76 at the mean variance.
        double v0 = 0.09, kappa = 2, theta = 0.16, t = 1.5;
        double meanVariance = theta + (v0 - theta) * (1 - Math.Exp(-kappa * t)) / (kappa * t);
        double black = Black76.Price(OptionType.Call, 70, 75, t, Math.Sqrt(meanVariance), 0.96);
        double heston = HestonFourier.Price(OptionType.Call, 70, 75, t, v0, new HestonParameters(kappa, theta, 1e-6, 0), 0.96);
        Assert.True(Math.Abs(heston - black) < 1e-9, $"Heston {heston} vs Black {black}");
    }

    [Theory]
    [InlineData(-0.1, 0.04, 0.3, -0.5, null, "meanReversion")]
    [InlineData(2, -0.04, 0.3, -0.5, null, "longRunVariance")]
    [InlineData(2, 0.04, 0, -0.5, null, "volOfVol")]
    [InlineData(2, 0.04, 0.3, 1.0, null, "correlation")]
    [InlineData(2, 0.04, 0.3, -1.2, null, "correlation")]
    [InlineData(2, 0.04, 0.3, double.NaN, null, "correlation")]
    [InlineData(2, 0.04, 0.3, -0.5, -0.01, "initialVariance")]
    public void Parameters_OutOfRange_AreRefusedNamingTheField(double kappa, double theta, double xi, double rho, double? v0, string field)
    {
        var error = Assert.Throws<InvalidInputException>(() => new HestonParameters(kappa, theta, xi, rho, v0));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void FellerCondition_IsReportedNotRequired()
    {
        Assert.True(new HestonParameters(2, 0.09, 0.5, -0.5).FellerConditionHolds);   // 0.36 ≥ 0.25
        var violating = new HestonParameters(1.5, 0.25, 1.5, -0.9);                    // 0.75 < 2.25
        Assert.False(violating.FellerConditionHolds);
        Assert.True(HestonFourier.Price(OptionType.Call, 80, 80, 0.5, 0.25, violating, 1) > 0);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>Margrabe and Kirk closed forms: a published value, limits, parity, and finite-difference Greeks.</summary>
public sealed class SpreadOptionAnalyticTests
{
    [Fact]
    public void Kirk_HaugExample_MatchesPublishedValue()
    {
        // Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §5.2 (Kirk's approximation):
        // F1 = 122, F2 = 120, X = 3, T = 0.1, r = 10%, σ1 = σ2 = 20%, ρ = −0.5: call 4.7530.
        double call = Kirk.Price(OptionType.Call, 122, 120, 3, 0.1, 0.2, 0.2, -0.5, Math.Exp(-0.1 * 0.1));
        Assert.Equal(4.7530, call, 4);
    }

    [Fact]
    public void Kirk_ZeroStrike_IsMargrabe()
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
            Assert.Equal(Margrabe.Price(type, 72, 70, 0.8, 0.4, 0.3, 0.6, 0.97), Kirk.Price(type, 72, 70, 0, 0.8, 0.4, 0.3, 0.6, 0.97));
    }

    [Theory]
    [InlineData(72.0, 70.0, 0.45)]
    [InlineData(60.0, 70.0, 0.30)]
    public void Margrabe_PerfectCorrelationEqualVols_CollapsesToIntrinsic(double a, double b, double vol)
    {
        // ρ = 1 and σ1 = σ2: A/B never moves, so the option is worth its discounted intrinsic value.
        const double df = 0.98;
        Assert.Equal(df * Math.Max(a - b, 0), Margrabe.Price(OptionType.Call, a, b, 2.0, vol, vol, 1.0, df), 12);
        Assert.Equal(df * Math.Max(b - a, 0), Margrabe.Price(OptionType.Put, a, b, 2.0, vol, vol, 1.0, df), 12);
    }

    [Fact]
    public void Margrabe_ZeroSecondVolatility_IsBlack76OnFirstLeg()
    {
        // Independent limit: with σ2 = 0, B is a fixed strike and the exchange option is a Black-76 call (Black 1976).
        double expected = Black76.Price(OptionType.Call, 75, 70, 0.9, 0.42, 0.96);
        Assert.Equal(expected, Margrabe.Price(OptionType.Call, 75, 70, 0.9, 0.42, 0.0, 0.3, 0.96), 12);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(-4.0)]
    [InlineData(0.0)]
    public void Kirk_PutCallParity_Holds(double strike)
    {
        const double a = 71, b = 68, df = 0.97;
        double call = Kirk.Price(OptionType.Call, a, b, strike, 1.2, 0.45, 0.35, 0.7, df);
        double put = Kirk.Price(OptionType.Put, a, b, strike, 1.2, 0.45, 0.35, 0.7, df);
        Assert.Equal(df * (a - b - strike), call - put, 10);
    }

    [Fact]
    public void Kirk_IsDecreasingInStrikeAcrossZero()
    {
        double previous = double.PositiveInfinity;
        for (double k = -20; k <= 20; k += 0.5)
        {
            double call = Kirk.Price(OptionType.Call, 71, 68, k, 1.0, 0.45, 0.35, 0.7, 1.0);
            Assert.True(call < previous, $"call({k}) = {call} not below {previous}");
            previous = call;
        }
    }

    [Theory]
    [InlineData(OptionType.Call, 0.7)]
    [InlineData(OptionType.Put, -0.4)]
    [InlineData(OptionType.Call, 0.95)]
    public void AnalyticGreeks_MatchFiniteDifferencesOfMargrabe(OptionType type, double rho)
    {
        // EUR-converted CCA-style leg 2 (weight 0.92) to check the chain rule through the weights.
        var leg1 = new ResolvedSpreadLeg(72, 0.45, 1.0, "leg1");
        var leg2 = new ResolvedSpreadLeg(30, 0.35, 0.92 * 2.5, "leg2");
        var option = new ResolvedSpreadOption(type, 0, 0.8, leg1, leg2, rho, 0.975, 1000);
        var greeks = SpreadOptionGreeks.Analytic(option);
        double V(double f1, double f2, double s1, double s2, double r) =>
            1000 * Margrabe.Price(type, 1.0 * f1, 2.3 * f2, 0.8, s1, s2, r, 0.975);

        double h1 = 1e-4 * 72, h2 = 1e-4 * 30, hs = 1e-5, hr = 1e-5;
        AssertClose((V(72 + h1, 30, .45, .35, rho) - V(72 - h1, 30, .45, .35, rho)) / (2 * h1), greeks.Delta1.Value, "delta1");
        AssertClose((V(72, 30 + h2, .45, .35, rho) - V(72, 30 - h2, .45, .35, rho)) / (2 * h2), greeks.Delta2.Value, "delta2");
        // Second derivatives from analytic first derivatives (differences of deltas), to keep the check at 1e-6.
        double Delta1(double f1, double f2) => SpreadOptionGreeks.Analytic(option.With(new ResolvedSpreadLeg(f1, .45, 1.0), new ResolvedSpreadLeg(f2, .35, 2.3))).Delta1.Value;
        AssertClose((Delta1(72 + h1, 30) - Delta1(72 - h1, 30)) / (2 * h1), greeks.Gamma1.Value, "gamma1");
        AssertClose((Delta1(72, 30 + h2) - Delta1(72, 30 - h2)) / (2 * h2), greeks.CrossGamma.Value, "crossGamma");
        double Delta2(double f2) => SpreadOptionGreeks.Analytic(option.With(leg2: new ResolvedSpreadLeg(f2, .35, 2.3))).Delta2.Value;
        AssertClose((Delta2(30 + h2) - Delta2(30 - h2)) / (2 * h2), greeks.Gamma2.Value, "gamma2");
        AssertClose((V(72, 30, .45 + hs, .35, rho) - V(72, 30, .45 - hs, .35, rho)) / (2 * hs), greeks.Vega1.Value, "vega1");
        AssertClose((V(72, 30, .45, .35 + hs, rho) - V(72, 30, .45, .35 - hs, rho)) / (2 * hs), greeks.Vega2.Value, "vega2");
        AssertClose((V(72, 30, .45, .35, rho + hr) - V(72, 30, .45, .35, rho - hr)) / (2 * hr), greeks.CorrelationSensitivity.Value, "rho");
    }

    private static void AssertClose(double finiteDifference, double analytic, string name) =>
        Assert.True(Math.Abs(finiteDifference - analytic) <= 1e-6 * Math.Abs(analytic),
            $"{name}: analytic {analytic:G12} vs finite difference {finiteDifference:G12}");

    [Fact]
    public void AnalyticGreeks_NonZeroStrike_RefusedNamingStrike()
    {
        var option = new ResolvedSpreadOption(OptionType.Call, 2, 1, new(70, .4, 1), new(68, .4, 1), 0.5, 1, 1000);
        Assert.Equal("strike", Assert.Throws<InvalidInputException>(() => SpreadOptionGreeks.Analytic(option)).Field);
    }

    [Theory]
    [InlineData(1.2, "correlation")]
    [InlineData(-1.01, "correlation")]
    [InlineData(double.NaN, "correlation")]
    public void Margrabe_BadCorrelation_InvalidInputNamingField(double rho, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => Margrabe.Price(OptionType.Call, 70, 68, 1, .4, .4, rho, 1)).Field);

    [Theory]
    [InlineData(0.0, 68.0, "forward1")]
    [InlineData(70.0, -1.0, "forward2")]
    public void Kirk_NonPositiveLegPrice_InvalidInputNamingField(double a, double b, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => Kirk.Price(OptionType.Call, a, b, 1, 1, .4, .4, .5, 1)).Field);
}

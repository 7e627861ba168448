using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;
using QL = QLNet;

namespace CarbonDerivatives.Tests.Analytics;

public sealed class Black76Tests
{
    private static readonly double[] Forwards = [40.0, 80.0];
    private static readonly double[] StrikeRatios = [0.5, 0.8, 0.95, 1.0, 1.05, 1.25, 2.0];
    private static readonly double[] Expiries = [0.02, 0.25, 0.75, 2.0, 5.0];
    private static readonly double[] Vols = [0.05, 0.25, 0.45, 0.9];
    private static readonly OptionType[] Types = [OptionType.Call, OptionType.Put];

    private static IEnumerable<(OptionType Type, double F, double K, double T, double Vol)> Grid() =>
        from type in Types
        from f in Forwards
        from ratio in StrikeRatios
        from t in Expiries
        from vol in Vols
        select (type, f, f * ratio, t, vol);

    [Fact]
    public void Price_MatchesQLNetBlackFormula_OnGrid()
    {
        // QLNet.Utils.blackFormula takes the total standard deviation σ√T and is a pure function.
        int compared = 0;
        foreach (var (type, f, k, t, vol) in Grid())
        {
            double df = Math.Exp(-0.03 * t);
            var qlType = type == OptionType.Call ? QL.Option.Type.Call : QL.Option.Type.Put;
            double expected = QL.Utils.blackFormula(qlType, k, f, vol * Math.Sqrt(t), df, 0.0);
            double actual = Black76.Price(type, f, k, t, vol, df);
            Assert.True(Math.Abs(actual - expected) <= 1e-10 * Math.Abs(expected) + 1e-13 * f,
                $"{type} F={f} K={k} T={t} vol={vol}: {actual} vs QLNet {expected}");
            compared++;
        }
        Assert.Equal(2 * 2 * 7 * 5 * 4, compared);
    }

    [Fact]
    public void Price_MarketsReferenceAtTheMoney_CallEqualsPutEquals12_0845()
    {
        // MARKETS.md: F = K = 80, T = 0.75, r = 3%, vol 45% -> call = put = 12.0845.
        double df = Math.Exp(-0.03 * 0.75);
        Assert.Equal(12.0845, Black76.Price(OptionType.Call, 80, 80, 0.75, 0.45, df), 4);
        Assert.Equal(12.0845, Black76.Price(OptionType.Put, 80, 80, 0.75, 0.45, df), 4);
    }

    [Fact]
    public void Greeks_MarketsReferenceAtTheMoney_MatchTable()
    {
        // MARKETS.md: delta 0.5644 (e^{-rT}N(d1)), gamma 0.012276, vega 26.516 per unit vol.
        var g = Black76.Greeks(OptionType.Call, 80, 80, 0.75, 0.45, 0.03);
        Assert.Equal(12.0845, g.Price, 4);
        Assert.Equal(0.5644, g.Delta, 4);
        Assert.Equal(0.012276, g.Gamma, 6);
        Assert.Equal(26.516, g.Vega, 3);
    }

    [Fact]
    public void Greeks_MatchCentralFiniteDifferencesOfPrice_OnGrid()
    {
        const double rate = 0.03;
        foreach (var (type, f, k, t, vol) in Grid())
        {
            if (t < 0.2 || vol < 0.2) continue; // keep the FD truncation error small relative to the tolerance
            var g = Black76.Greeks(type, f, k, t, vol, rate);
            double V(double ff, double tt, double vv, double rr) => Black76.Price(type, ff, k, tt, vv, Math.Exp(-rr * tt));

            double hF = 1e-4 * f, hT = 1e-4, hV = 1e-4, hR = 1e-5;
            double delta = (V(f + hF, t, vol, rate) - V(f - hF, t, vol, rate)) / (2 * hF);
            double hG = 1e-3 * f; // wider step for the second difference: its round-off grows like 1/h²
            double gamma = (V(f + hG, t, vol, rate) - 2 * V(f, t, vol, rate) + V(f - hG, t, vol, rate)) / (hG * hG);
            double vega = (V(f, t, vol + hV, rate) - V(f, t, vol - hV, rate)) / (2 * hV);
            double theta = -(V(f, t + hT, vol, rate) - V(f, t - hT, vol, rate)) / (2 * hT);
            double rho = (V(f, t, vol, rate + hR) - V(f, t, vol, rate - hR)) / (2 * hR);

            string at = $"{type} F={f} K={k} T={t} vol={vol}";
            AssertClose(delta, g.Delta, 1e-7, at + " delta");
            AssertClose(gamma, g.Gamma, 1e-4 * g.Gamma + 1e-10, at + " gamma");
            AssertClose(vega, g.Vega, 1e-5 * f, at + " vega");
            AssertClose(theta, g.Theta, 1e-5 * f, at + " theta");
            AssertClose(rho, g.Rho, 1e-5 * f, at + " rho");
        }
    }

    [Fact]
    public void Greeks_DeltaAndVega_MatchClosedForm()
    {
        // Closed forms: call delta = DF·N(d1), put delta = −DF·N(−d1), vega = DF·F·φ(d1)·√T.
        double f = 75, k = 82, t = 1.3, vol = 0.37, r = 0.025;
        double sd = vol * Math.Sqrt(t), d1 = Math.Log(f / k) / sd + 0.5 * sd, df = Math.Exp(-r * t);
        var n = new MathNet.Numerics.Distributions.Normal(0, 1);
        Assert.Equal(df * n.CumulativeDistribution(d1), Black76.Greeks(OptionType.Call, f, k, t, vol, r).Delta, 12);
        Assert.Equal(-df * n.CumulativeDistribution(-d1), Black76.Greeks(OptionType.Put, f, k, t, vol, r).Delta, 12);
        Assert.Equal(df * f * n.Density(d1) * Math.Sqrt(t), Black76.Greeks(OptionType.Call, f, k, t, vol, r).Vega, 10);
    }

    [Fact]
    public void Price_PutCallParity_HoldsOnGrid()
    {
        // C − P = DF·(F − K) (model-free for European options on a future).
        foreach (var (type, f, k, t, vol) in Grid())
        {
            if (type == OptionType.Put) continue;
            double df = Math.Exp(-0.05 * t);
            double call = Black76.Price(OptionType.Call, f, k, t, vol, df);
            double put = Black76.Price(OptionType.Put, f, k, t, vol, df);
            AssertClose(df * (f - k), call - put, 1e-12 * Math.Max(f, k), $"F={f} K={k} T={t} vol={vol}");
        }
    }

    [Fact]
    public void Price_Monotonicity_HoldsOnGrid()
    {
        // Increasing in vol and (calls) in forward; calls decrease and puts increase in strike.
        // Deep in the money the change can sit below double resolution, hence the round-off allowance.
        const double df = 0.97;
        foreach (var (type, f, k, t, vol) in Grid())
        {
            double eps = 1e-13 * Math.Max(f, k);
            double p = Black76.Price(type, f, k, t, vol, df);
            Assert.True(Black76.Price(type, f, k, t, vol * 1.1, df) >= p - eps, "vol");
            double strikeUp = Black76.Price(type, f, k * 1.01, t, vol, df);
            if (type == OptionType.Call)
            {
                Assert.True(Black76.Price(type, f * 1.01, k, t, vol, df) >= p - eps, "forward");
                Assert.True(strikeUp <= p + eps, "strike");
            }
            else
            {
                Assert.True(strikeUp >= p - eps, "strike");
            }
            Assert.True(p >= df * Math.Max(type == OptionType.Call ? f - k : k - f, 0) - eps, "intrinsic bound");
        }
    }

    [Theory]
    [InlineData(OptionType.Call, 90.0, 80.0)]
    [InlineData(OptionType.Put, 70.0, 80.0)]
    [InlineData(OptionType.Call, 70.0, 80.0)]
    [InlineData(OptionType.Put, 80.0, 80.0)]
    public void Price_ZeroExpiryOrZeroVol_GivesDiscountedIntrinsic(OptionType type, double f, double k)
    {
        double intrinsic = 0.95 * Math.Max(type == OptionType.Call ? f - k : k - f, 0);
        Assert.Equal(intrinsic, Black76.Price(type, f, k, 0.0, 0.45, 0.95), 14);
        Assert.Equal(intrinsic, Black76.Price(type, f, k, 1.0, 0.0, 0.95), 14);
    }

    [Fact]
    public void ImpliedVolatility_RoundTrip_RecoversVolOnGrid()
    {
        foreach (var (type, f, k, t, vol) in Grid())
        {
            double df = Math.Exp(-0.03 * t);
            double price = Black76.Price(type, f, k, t, vol, df);
            // Skip points whose time value is below double resolution: they carry no vol information.
            double timeValue = price - df * Math.Max(type == OptionType.Call ? f - k : k - f, 0);
            if (timeValue < 1e-9 * f) continue;
            double implied = Black76.ImpliedVolatility(type, price, f, k, t, df);
            Assert.True(Math.Abs(implied - vol) < 1e-8, $"{type} F={f} K={k} T={t} vol={vol}: implied {implied}");
        }
    }

    [Fact]
    public void ImpliedVolatility_MatchesQLNetPrice()
    {
        // Price from QLNet at a known vol; our solver must return that vol.
        double f = 70.76, k = 75, t = 0.79, vol = 0.46, df = Math.Exp(-0.025 * t);
        double price = QL.Utils.blackFormula(QL.Option.Type.Call, k, f, vol * Math.Sqrt(t), df, 0.0);
        Assert.Equal(vol, Black76.ImpliedVolatility(OptionType.Call, price, f, k, t, df), 10);
    }

    [Theory]
    [InlineData(OptionType.Call, 80.0 * 0.97)] // at the upper bound DF·F: infinite vol
    [InlineData(OptionType.Call, 100.0)]
    [InlineData(OptionType.Call, 9.0)] // below discounted intrinsic DF·(F − K) = 9.7
    [InlineData(OptionType.Put, 70.0 * 0.97)] // at the upper bound DF·K
    [InlineData(OptionType.Put, -0.5)]
    [InlineData(OptionType.Put, double.NaN)]
    [InlineData(OptionType.Call, double.PositiveInfinity)]
    public void ImpliedVolatility_PriceOutsideNoArbitrageBounds_ThrowsNamingPrice(OptionType type, double price)
    {
        var ex = Assert.Throws<InvalidInputException>(() => Black76.ImpliedVolatility(type, price, 80, 70, 1.0, 0.97));
        Assert.Equal("premiumPerUnit", ex.Field);
    }

    public static TheoryData<string, double, double, double, double, double> BadPriceInputs() => new()
    {
        { "forward", double.NaN, 80, 1, 0.4, 0.97 },
        { "forward", 0.0, 80, 1, 0.4, 0.97 },
        { "forward", double.PositiveInfinity, 80, 1, 0.4, 0.97 },
        { "strike", 80, -1, 1, 0.4, 0.97 },
        { "strike", 80, double.NegativeInfinity, 1, 0.4, 0.97 },
        { "expiry", 80, 80, -0.1, 0.4, 0.97 },
        { "expiry", 80, 80, double.NaN, 0.4, 0.97 },
        { "volatility", 80, 80, 1, -0.2, 0.97 },
        { "volatility", 80, 80, 1, double.PositiveInfinity, 0.97 },
        { "discountFactor", 80, 80, 1, 0.4, 0.0 },
        { "discountFactor", 80, 80, 1, 0.4, double.NaN },
    };

    [Theory]
    [MemberData(nameof(BadPriceInputs))]
    public void Price_BadInput_ThrowsNamingField(string field, double f, double k, double t, double vol, double df)
    {
        var ex = Assert.Throws<InvalidInputException>(() => Black76.Price(OptionType.Call, f, k, t, vol, df));
        Assert.Equal(field, ex.Field);
    }

    [Theory]
    [InlineData("rate", double.NaN)]
    [InlineData("rate", double.NegativeInfinity)]
    public void Greeks_BadRate_ThrowsNamingField(string field, double rate)
    {
        var ex = Assert.Throws<InvalidInputException>(() => Black76.Greeks(OptionType.Put, 80, 80, 1, 0.4, rate));
        Assert.Equal(field, ex.Field);
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual}");
}

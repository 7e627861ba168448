using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Smile;

public sealed class SmileFitterTests
{
    [Fact]
    public void Sabr_RecoversKnownParameters_FromGeneratedVols()
    {
        var truth = new SabrSlice(0.75, 72.83, new SabrParameters(0.45, 1.0, -0.35, 0.9));
        var fit = SmileFitter.FitSabr(SmileQuotes.FromSlice(truth, -0.6, 0.5, 12), beta: 1.0);
        var p = ((SabrSlice)fit.Slice).Parameters;
        Assert.True(fit.RmsVolPoints < 0.01, $"RMS {fit.RmsVolPoints} vol points");
        Assert.Equal(0.45, p.Alpha, 4);
        Assert.Equal(-0.35, p.Rho, 3);
        Assert.Equal(0.9, p.Nu, 3);
        Assert.Equal(["alpha", "beta", "rho", "nu"], fit.ParameterNames.ToArray());
        Assert.True(fit.ConditionNumber is > 1 and < 1e12, $"condition {fit.ConditionNumber}");
    }

    [Fact]
    public void Sabr_WithBetaFitted_RecoversTheSmile()
    {
        var truth = new SabrSlice(1.0, 72.83, new SabrParameters(0.45 * Math.Sqrt(72.83), 0.5, -0.25, 0.7));
        var fit = SmileFitter.FitSabr(SmileQuotes.FromSlice(truth, -0.7, 0.6, 15), beta: null);
        Assert.True(fit.RmsVolPoints < 0.01, $"RMS {fit.RmsVolPoints} vol points, parameters {string.Join(", ", fit.Parameters)}");
    }

    [Fact]
    public void Svi_RecoversKnownParameters_FromGeneratedPremiums()
    {
        // Out-of-the-money premiums (puts below the forward, calls above), discounted: the fit goes through implied vols.
        var truth = new SviSlice(1.0, 72.83, new SviParameters(0.04, 0.12, -0.4, 0.05, 0.25));
        double df = Math.Exp(-0.03);
        var vols = SmileQuotes.FromSlice(truth, -0.8, 0.6, 15);
        var premiums = vols with
        {
            DiscountFactor = df,
            Quotes = [.. vols.Quotes.Select(q => q.Strike < truth.Forward
                ? StrikeQuote.Price(q.Strike, Black76.Price(OptionType.Put, truth.Forward, q.Strike, 1.0, q.Volatility!.Value, df), OptionType.Put)
                : StrikeQuote.Price(q.Strike, Black76.Price(OptionType.Call, truth.Forward, q.Strike, 1.0, q.Volatility!.Value, df), OptionType.Call))],
        };
        var fit = SmileFitter.FitSvi(premiums);
        var p = ((SviSlice)fit.Slice).Parameters;
        Assert.True(fit.RmsVolPoints < 0.01, $"RMS {fit.RmsVolPoints} vol points");
        Assert.Equal(0.04, p.A, 3);
        Assert.Equal(0.12, p.B, 3);
        Assert.Equal(-0.4, p.Rho, 3);
        Assert.Equal(0.05, p.M, 3);
        Assert.Equal(0.25, p.Sigma, 3);
    }

    [Fact]
    public void EuaDecSmile_FitsWithinAThirdOfAVolPoint_WithThePutSkew()
    {
        var quotes = SmileQuotes.EuaDec26Smile();
        foreach (var fit in new[] { SmileFitter.FitSabr(quotes, beta: 1.0), SmileFitter.FitSvi(quotes) })
        {
            Assert.True(fit.RmsVolPoints < 0.3, $"{fit.Model}: RMS {fit.RmsVolPoints} vol points");
            // The fitted 25-delta risk reversal (forward delta strikes at the fitted vols) is the quoted put skew.
            double rr = RiskReversal25(fit.Slice);
            Assert.InRange(rr, -0.04, -0.01);
            Assert.Empty(ArbitrageCheck.Butterfly(fit.Slice, -1.2, 1.0));
        }
    }

    [Fact]
    public void DeltaQuotes_GiveStrikesAtTheirQuotedForwardDeltas()
    {
        var quotes = SmileQuotes.EuaDeltaQuotes()[1];
        var strikes = quotes.ToExpiryQuotes();
        Assert.Equal(5, strikes.Quotes.Count);
        double[] deltas = [-0.10, -0.25, double.NaN, 0.25, 0.10];
        for (int i = 0; i < 5; i++)
        {
            var q = strikes.Quotes[i];
            double sd = q.Volatility!.Value * Math.Sqrt(quotes.Expiry);
            double d1 = Math.Log(quotes.Forward / q.Strike) / sd + 0.5 * sd;
            if (i == 2) { Assert.Equal(0, d1, 12); continue; } // delta-neutral straddle: call delta 1/2
            double delta = deltas[i] > 0 ? Engine.Numerics.NormalDistribution.Cdf(d1) : Engine.Numerics.NormalDistribution.Cdf(d1) - 1;
            Assert.Equal(deltas[i], delta, 12);
        }
        Assert.Equal(0.46 + 0.010 + 0.015, strikes.Quotes[1].Volatility!.Value, 15); // 25Δ put: ATM + BF − RR/2, RR = −3 points
        Assert.Equal(0.46 + 0.010 - 0.015, strikes.Quotes[3].Volatility!.Value, 15); // 25Δ call: ATM + BF + RR/2
        Assert.True(SmileFitter.FitSvi(strikes).RmsVolPoints < 0.01);
    }

    [Theory]
    [InlineData(1, double.NaN, "quotes[1].volatility")]
    [InlineData(1, -0.2, "quotes[1].volatility")]
    [InlineData(2, 0.0, "quotes[2].volatility")]
    public void BadVolQuotes_AreNamed(int index, double vol, string field)
    {
        var quotes = SmileQuotes.EuaDec26Smile();
        var list = quotes.Quotes.ToList();
        list[index] = StrikeQuote.Vol(list[index].Strike, vol);
        var e = Assert.Throws<InvalidInputException>(() => SmileFitter.FitSvi(quotes with { Quotes = list }));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void CrossedAndArbitrageableQuotes_AreNamed()
    {
        double df = 1.0, f = 70.0, t = 0.75;
        // A call at 80 quoted above the call at 75: crossed.
        var crossed = new ExpiryQuotes(t, f, df, [StrikeQuote.Price(70, 9.0, OptionType.Call), StrikeQuote.Price(75, 6.0, OptionType.Call), StrikeQuote.Price(80, 6.5, OptionType.Call)]);
        Assert.Equal("quotes[2]", Assert.Throws<InvalidInputException>(() => SmileFitter.FitSvi(crossed)).Field);
        // The middle call too dear: the 70/75/80 butterfly is worth less than nothing.
        var concave = new ExpiryQuotes(t, f, df, [StrikeQuote.Price(70, 9.0, OptionType.Call), StrikeQuote.Price(75, 8.0, OptionType.Call), StrikeQuote.Price(80, 5.0, OptionType.Call)]);
        Assert.Equal("quotes[1]", Assert.Throws<InvalidInputException>(() => SmileFitter.FitSvi(concave)).Field);
        // A negative premium and a premium under intrinsic.
        var negative = new ExpiryQuotes(t, f, df, [StrikeQuote.Price(70, 9.0, OptionType.Call), StrikeQuote.Price(75, -1, OptionType.Call), StrikeQuote.Price(80, 5.0, OptionType.Call)]);
        Assert.Equal("quotes[1].premium", Assert.Throws<InvalidInputException>(() => SmileFitter.FitSvi(negative)).Field);
        var underIntrinsic = new ExpiryQuotes(t, f, df, [StrikeQuote.Price(50, 15.0, OptionType.Call), StrikeQuote.Price(75, 6, OptionType.Call), StrikeQuote.Price(80, 5.0, OptionType.Call)]);
        Assert.Equal("quotes[0].premium", Assert.Throws<InvalidInputException>(() => SmileFitter.FitSvi(underIntrinsic)).Field);
        var unordered = new ExpiryQuotes(t, f, df, [StrikeQuote.Vol(70, 0.4), StrikeQuote.Vol(65, 0.4), StrikeQuote.Vol(80, 0.4)]);
        Assert.Equal("quotes[1].strike", Assert.Throws<InvalidInputException>(() => SmileFitter.FitSvi(unordered)).Field);
    }

    /// <summary>σ(25Δ call) − σ(25Δ put) of a slice, each strike solved at its own vol by fixed-point iteration.</summary>
    private static double RiskReversal25(SmileSlice slice)
    {
        double VolAtDelta(int side)
        {
            double vol = slice.Volatility(slice.Forward);
            for (int i = 0; i < 50; i++)
            {
                double sd = vol * Math.Sqrt(slice.Expiry);
                double strike = slice.Forward * Math.Exp(-side * Engine.Numerics.InverseNormal.Inverse(0.25) * sd + 0.5 * sd * sd);
                vol = slice.Volatility(strike);
            }
            return vol;
        }
        return VolAtDelta(+1) - VolAtDelta(-1);
    }
}

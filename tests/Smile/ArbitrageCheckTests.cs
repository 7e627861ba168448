using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market.Smile;
using Xunit;

namespace CarbonDerivatives.Tests.Smile;

public sealed class ArbitrageCheckTests
{
    /// <summary>Gatheral &amp; Jacquier (2014), "Arbitrage-free SVI volatility surfaces", section 3.1: a raw SVI slice (t = 1)
    /// with butterfly arbitrage.</summary>
    private static readonly SviSlice GatheralJacquier = new(1.0, 100, new SviParameters(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153));

    [Fact]
    public void GatheralJacquierExample_IsFlagged_WhereAndByHowMuchTheMpmathScriptSays()
    {
        // Constants from tools/smile/gatheral-jacquier-durrleman.py (50 digits): min g = −0.0328636 at k = 0.879263,
        // g < 0 on (0.642408, 1.256913). The check's grid has a step of 0.0075 over [−1.5, 1.5].
        var violation = Assert.Single(ArbitrageCheck.Butterfly(GatheralJacquier, -1.5, 1.5));
        Assert.Equal(ArbitrageKind.Butterfly, violation.Kind);
        Assert.Equal(0.0328636, violation.Amount, 4);
        Assert.Equal(0.879263, violation.LogMoneyness, 2);
        Assert.Equal(0.642408, violation.FromLogMoneyness, 1);
        Assert.Equal(1.256913, violation.ToLogMoneyness, 1);
        Assert.Equal(100 * Math.Exp(violation.LogMoneyness), violation.Strike, 10);
        Assert.Equal(-0.0328636, GatheralJacquier.Durrleman(0.879263), 6);
    }

    [Fact]
    public void ConstrainedFit_RemovesTheGatheralJacquierArbitrage_StayingCloseToTheQuotes()
    {
        // Quotes read off the slice carry its arbitrage (the calls rise in strike near k = 0.6): admitted here for the repair.
        var quotes = SmileQuotes.FromSlice(GatheralJacquier, -1.5, 1.5, 21) with { RejectArbitrageableQuotes = false };
        Assert.Throws<Engine.Validation.InvalidInputException>(() => (quotes with { RejectArbitrageableQuotes = true }).ImpliedVolatilities());
        var fit = VolSurfaceCalibration.Calibrate([quotes], new SmileCalibrationSettings(SmileModel.Svi, RemoveArbitrage: true));
        Assert.False(fit.UnconstrainedArbitrage.IsArbitrageFree);
        Assert.True(fit.Constrained);
        Assert.True(fit.Arbitrage.IsArbitrageFree, string.Join("; ", fit.Arbitrage.Violations));
        Assert.Empty(ArbitrageCheck.Butterfly(fit.Surface.Slices[0], -3, 3));
        Assert.True(fit.Fits[0].RmsVolPoints < 1.5, $"RMS {fit.Fits[0].RmsVolPoints} vol points");
    }

    [Fact]
    public void CalendarArbitrage_IsFlaggedAtTheMoneynessWhereVarianceFalls()
    {
        // The later slice has less total variance than the earlier one below k = 0 only (steeper skew earlier).
        var earlier = new SviSlice(0.5, 70, new SviParameters(0.04, 0.2, -0.8, 0.0, 0.2));
        var later = new SviSlice(1.0, 70, new SviParameters(0.07, 0.1, 0.0, 0.0, 0.2));
        var v = Assert.Single(ArbitrageCheck.Calendar(earlier, later, -1, 1));
        Assert.Equal(ArbitrageKind.Calendar, v.Kind);
        Assert.Equal(1.0, v.Expiry);
        Assert.Equal(-1, v.FromLogMoneyness, 10);
        Assert.True(v.ToLogMoneyness < 0);
        Assert.Equal(earlier.TotalVariance(v.LogMoneyness) - later.TotalVariance(v.LogMoneyness), v.Amount, 15);
    }

    [Theory]
    [InlineData(SmileModel.Svi)]
    [InlineData(SmileModel.Sabr)]
    public void FittedEuaSurfaces_AreArbitrageFree(SmileModel model)
    {
        var quotes = SmileQuotes.EuaDeltaQuotes().Select(q => q.ToExpiryQuotes()).ToArray();
        var fit = VolSurfaceCalibration.Calibrate(quotes, new SmileCalibrationSettings(model, RemoveArbitrage: false));
        Assert.True(fit.Arbitrage.IsArbitrageFree, string.Join("; ", fit.Arbitrage.Violations));
        Assert.All(fit.Fits, f => Assert.True(f.RmsVolPoints < 0.3, $"{model} T={f.Slice.Expiry}: RMS {f.RmsVolPoints}"));
        // Between slices the surface's total variance at fixed moneyness rises with expiry.
        var surface = fit.Surface;
        foreach (double m in new[] { 0.7, 1.0, 1.3 })
            Assert.True(surface.TotalVariance(0.5, m * SmileQuotes.EuaDec26) < surface.TotalVariance(1.2, m * SmileQuotes.EuaDec26));
    }

    [Fact]
    public void SabrDensity_IsTheSecondStrikeDerivativeOfCallPrices()
    {
        // Flat smile (ν = 0, β = 1): the density is lognormal, φ(d₂)/(Kσ√T).
        var flat = new SabrSlice(1.0, 70, new SabrParameters(0.4, 1.0, 0.0, 0.0));
        double k = 0.2, strike = 70 * Math.Exp(k), sd = 0.4;
        double d2 = -k / sd - 0.5 * sd;
        double lognormal = Engine.Numerics.NormalDistribution.Density(d2) / (strike * sd);
        Assert.Equal(lognormal, ArbitrageCheck.Density(flat, k), 7);
    }
}

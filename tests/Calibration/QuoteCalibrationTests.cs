using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Calibration;

/// <summary>
/// Heston and Merton fitted to implied-vol quotes generated from known parameters (3 expiries × 7 strikes, EUA-like
/// levels, put skew): the fit reproduces the quotes to under 0.01 vol points and recovers the parameters; Black-76 with
/// one vol cannot fit the skew; bad quotes are named.
/// </summary>
public class QuoteCalibrationTests
{
    private const double Forward = 70;
    private static readonly double[] Expiries = [0.25, 0.75, 1.5];
    private static readonly double[] Moneyness = [0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4];

    private static OptionQuote[] Quotes(Func<OptionType, double, double, double> price) =>
        [.. Expiries.SelectMany(t => Moneyness.Select(m =>
        {
            double k = m * Forward;
            var type = k >= Forward ? OptionType.Call : OptionType.Put;
            return new OptionQuote(t, k, Forward, Black76.ImpliedVolatility(type, price(type, k, t), Forward, k, t, 1));
        }))];

    [Fact]
    public void Heston_RecoversKnownParametersFromItsOwnQuotes()
    {
        var truth = new HestonParameters(2.5, 0.16, 1.0, -0.6, 0.2); // 2κθ = 0.8 < ξ² = 1: Feller violated
        var quotes = Quotes((type, k, t) => HestonFourier.Price(type, Forward, k, t, 0.2, truth, 1));

        var fit = QuoteCalibration.Heston(quotes);
        var p = fit.Parameters;
        Assert.True(fit.RmsVolPoints < 0.01, $"RMS {fit.RmsVolPoints} vol points");
        Assert.Equal(0.2, p.InitialVariance!.Value, 3);
        Assert.Equal(2.5, p.MeanReversion, 1);
        Assert.Equal(0.16, p.LongRunVariance, 3);
        Assert.Equal(1.0, p.VolOfVol, 2);
        Assert.Equal(-0.6, p.Correlation, 2);
        Assert.False(p.FellerConditionHolds);
    }

    [Fact]
    public void Merton_RecoversKnownParametersFromItsOwnQuotes()
    {
        var jumps = new LogNormalJumps(3, -0.1, 0.12);
        var quotes = Quotes((type, k, t) => MertonJumpDiffusion.Price(type, Forward, k, t, 0.3, jumps.Intensity, jumps.MeanLogJump, jumps.LogJumpVolatility, 1));

        var fit = QuoteCalibration.Merton(quotes);
        Assert.True(fit.RmsVolPoints < 0.01, $"RMS {fit.RmsVolPoints} vol points");
        Assert.Equal(0.3, fit.Parameters.Volatility, 3);
        Assert.Equal(3, fit.Parameters.Jumps.Intensity, 1);
        Assert.Equal(-0.1, fit.Parameters.Jumps.MeanLogJump, 2);
        Assert.Equal(0.12, fit.Parameters.Jumps.LogJumpVolatility, 2);
    }

    [Fact]
    public void Black76_CannotFitTheSkewThatHestonFits()
    {
        var quotes = Quotes((type, k, t) => HestonFourier.Price(type, Forward, k, t, 0.2, new HestonParameters(2.5, 0.16, 0.8, -0.6), 1));
        Assert.True(QuoteCalibration.Black76Flat(quotes).RmsVolPoints > 1, "a skew of several vol points");
    }

    [Fact]
    public void BadQuotes_AreNamed()
    {
        OptionQuote[] quotes = [new(0.5, 60, 70, 0.4), new(0.5, 70, 70, 0.38), new(0.5, 80, 70, -0.1), new(0.5, 90, 70, 0.37), new(0.5, 95, 70, 0.37)];
        Assert.Equal("quotes[2].volatility", Assert.Throws<InvalidInputException>(() => QuoteCalibration.Heston(quotes)).Field);
        Assert.Equal("quotes", Assert.Throws<InvalidInputException>(() => QuoteCalibration.Heston(quotes[..2])).Field);
    }
}

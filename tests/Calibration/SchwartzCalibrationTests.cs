using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Tests.Data;
using Xunit;

namespace CarbonDerivatives.Tests.Calibration;

/// <summary>
/// Schwartz one-factor maximum likelihood: on 2,500 daily prices simulated from the exact Ornstein–Uhlenbeck transition
/// (a plain loop with System.Random), κ, L and σ lie within 2 standard errors of the truth; a history that does not revert (AR(1) coefficient ≥ 1) is refused;
/// the Guangdong pilot history (a thin market) fits with a finite half-life.
/// </summary>
public class SchwartzCalibrationTests
{
    [Fact]
    public void Fit_RecoversSimulatedParameters_WithinTwoStandardErrors()
    {
        double kappa = 3, longRun = 50, sigma = 0.4, dt = 1.0 / 252;
        var random = new Random(1997);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var prices = new double[2500];
        double x = Math.Log(40), b = Math.Exp(-kappa * dt), sd = sigma * Math.Sqrt((1 - b * b) / (2 * kappa));
        for (int t = 0; t < prices.Length; t++)
        {
            prices[t] = Math.Exp(x);
            x = b * x + (1 - b) * Math.Log(longRun) + sd * Normal();
        }

        var fit = SchwartzCalibration.Fit(prices);
        Assert.True(Math.Abs(fit.MeanReversion - kappa) < 2 * fit.MeanReversionError, $"κ {fit.MeanReversion} ± {fit.MeanReversionError}");
        Assert.True(Math.Abs(fit.LongRunPrice - longRun) < 2 * fit.LongRunPriceError, $"L {fit.LongRunPrice} ± {fit.LongRunPriceError}");
        Assert.True(Math.Abs(fit.Volatility - sigma) < 2 * fit.VolatilityError, $"σ {fit.Volatility} ± {fit.VolatilityError}");
        Assert.True(fit.VolatilityError < 0.02 && fit.MeanReversionError < 2, "the errors are those of 10 years of data");
    }

    [Fact]
    public void Fit_WithoutMeanReversion_IsRefused()
    {
        var prices = Enumerable.Range(0, 300).Select(i => Math.Exp(3 + 0.002 * Math.Pow(1.01, i))).ToArray(); // explosive: AR(1) coefficient 1.01
        Assert.Equal("prices", Assert.Throws<InvalidInputException>(() => SchwartzCalibration.Fit(prices)).Field);
        var bad = Enumerable.Range(0, 300).Select(i => 50 + Math.Sin(i)).ToArray();
        bad[12] = -1;
        Assert.Equal("prices[12]", Assert.Throws<InvalidInputException>(() => SchwartzCalibration.Fit(bad)).Field);
    }

    [Fact]
    public void Fit_GuangdongPilot_HasAFiniteHalfLife()
    {
        var fit = SchwartzCalibration.Fit(ShippedData.Prices(ShippedData.Guangdong));
        Assert.True(fit.MeanReversion > 0 && double.IsFinite(fit.MeanReversionError), $"κ {fit.MeanReversion} ± {fit.MeanReversionError}");
        Assert.InRange(fit.Volatility, 0.05, 2);
    }
}

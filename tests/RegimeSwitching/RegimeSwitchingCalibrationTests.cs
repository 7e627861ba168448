using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Tests.Data;
using Xunit;

namespace CarbonDerivatives.Tests.RegimeSwitching;

/// <summary>
/// Maximum likelihood with the Hamilton filter: on 4,000 daily returns simulated from a known 2-state chain (separate
/// code from the engine's stepper: a plain loop with System.Random), every parameter lies within 2 of its standard
/// errors; on the EUA front-December history 2008–2026 three regimes beat Merton and GBM on likelihood and AIC.
/// </summary>
public class RegimeSwitchingCalibrationTests
{
    [Fact]
    public void Fit_RecoversSimulatedParameters_WithinTwoStandardErrors()
    {
        double[] vols = [0.2, 0.6], drifts = [0.1, -0.3];
        double[][] p = [[0.98, 0.02], [0.05, 0.95]];
        var returns = Simulate(vols, drifts, p, 4000, seed: 2009);

        var fit = RegimeSwitchingCalibration.Fit(returns, 2);
        var q = fit.Parameters;
        for (int k = 0; k < 2; k++)
        {
            Within(vols[k], q.Volatilities[k], fit.VolatilityErrors[k], $"σ{k}");
            Within(drifts[k], q.Drifts[k], fit.DriftErrors[k], $"μ{k}");
            Within(p[k][1 - k], q.Transition[k][1 - k], fit.TransitionErrors[k][1 - k], $"P[{k}][{1 - k}]");
        }
        Assert.Equal(1, q.InitialProbabilities.Sum(), 12);
    }

    [Fact]
    public void Fit_EuaHistory_ThreeRegimesBeatMertonAndGbm()
    {
        var returns = PriceHistory.LogReturns(ShippedData.Prices(ShippedData.EuaFrontDec));
        var fit = RegimeSwitchingCalibration.Fit(returns, 3);
        var merton = MertonCalibration.Fit(returns);
        var v = fit.Parameters.Volatilities;
        Assert.True(v[0] < v[1] && v[1] < v[2], "regimes ordered by volatility");
        Assert.InRange(v[0], 0.12, 0.35);   // a calm regime near MARKETS.md's 22.8%
        Assert.InRange(v[2], 0.6, 1.5);     // a crisis regime near its 95.4%
        Assert.True(fit.LogLikelihood > merton.LogLikelihood, $"regimes {fit.LogLikelihood:F1} vs Merton {merton.LogLikelihood:F1}");
        Assert.True(fit.LogLikelihood > merton.GaussianLogLikelihood);
        Assert.True(fit.Aic < 2 * 5 - 2 * merton.LogLikelihood, "AIC: 12 parameters against Merton's 5");
        Assert.All(fit.VolatilityErrors, e => Assert.True(e > 0 && e < 0.05, $"SE {e}"));
    }

    [Fact]
    public void Fit_BadInput_IsNamed()
    {
        Assert.Equal("logReturns", Assert.Throws<InvalidInputException>(() => RegimeSwitchingCalibration.Fit(new double[100], 2)).Field);
        Assert.Equal("regimes", Assert.Throws<InvalidInputException>(() => RegimeSwitchingCalibration.Fit(new double[300], 9)).Field);
        var returns = Enumerable.Range(0, 300).Select(i => 0.01 * Math.Sin(i)).ToArray();
        returns[7] = double.NaN;
        Assert.Equal("logReturns[7]", Assert.Throws<InvalidInputException>(() => RegimeSwitchingCalibration.Fit(returns, 2)).Field);
    }

    private static void Within(double truth, double estimate, double error, string name) =>
        Assert.True(Math.Abs(estimate - truth) < 2 * error, $"{name}: {estimate:G5} ± {error:G3} vs true {truth}");

    /// <summary>Daily log returns of a Markov-switching model: the regime moves after each return.</summary>
    private static double[] Simulate(double[] vols, double[] drifts, double[][] p, int count, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        const double dt = 1.0 / 252;
        var returns = new double[count];
        int regime = 0;
        for (int t = 0; t < count; t++)
        {
            returns[t] = drifts[regime] * dt + vols[regime] * Math.Sqrt(dt) * Normal();
            regime = random.NextDouble() < p[regime][regime] ? regime : 1 - regime;
        }
        return returns;
    }
}

using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Tests.Data;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// Merton maximum likelihood: recovers the parameters of returns simulated here (System.Random, Box–Muller,
/// Poisson by inversion: independent of the engine's generators), beats the true parameters' likelihood on
/// its own sample, and on real EUA 2021–2025 returns fits at least as well as the MARKETS.md parameters.
/// </summary>
public sealed class MertonCalibrationTests
{
    internal static double[] SimulatedReturns(int count, double mu, double sigma, double lambda, double m, double s, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double dt = 1 / 252.0;
        var returns = new double[count];
        for (int i = 0; i < count; i++)
        {
            int jumps = 0;
            for (double u = random.NextDouble(), p = Math.Exp(-lambda * dt), cdf = p; u > cdf; cdf += p) p *= lambda * dt / ++jumps;
            returns[i] = mu * dt + sigma * Math.Sqrt(dt) * Normal();
            for (int j = 0; j < jumps; j++) returns[i] += m + s * Normal();
        }
        return returns;
    }

    [Fact]
    public void SimulatedReturns_ParametersRecovered()
    {
        var returns = SimulatedReturns(10_000, mu: 0.05, sigma: 0.30, lambda: 8, m: -0.03, s: 0.07, seed: 11);
        var fit = MertonCalibration.Fit(returns);
        Assert.InRange(fit.Volatility, 0.27, 0.33);
        Assert.InRange(fit.Jumps.Intensity, 5, 12);
        Assert.InRange(fit.Jumps.MeanLogJump, -0.045, -0.015);
        Assert.InRange(fit.Jumps.LogJumpVolatility, 0.05, 0.095);
        Assert.Equal(10_000, fit.Observations);

        double atTruth = MertonCalibration.LogLikelihood(returns, 0.05, 0.30, new Engine.Models.LogNormalJumps(8, -0.03, 0.07));
        Assert.True(fit.LogLikelihood >= atTruth - 1e-6, $"the maximum {fit.LogLikelihood} is below the true parameters' {atTruth}");
        Assert.True(fit.LogLikelihood > fit.GaussianLogLikelihood + 10, "jumps explain fat tails far better than a Gaussian");
        Assert.Equal(fit.GaussianVolatility, fit.TotalVolatility, 0.03);
    }

    [Fact]
    public void EuaReturns2021To2025_AtLeastAsLikelyAsTheMarketsMdFit()
    {
        var prices = ShippedData.Prices(ShippedData.EuaFrontDec, from: new DateOnly(2021, 1, 1), to: new DateOnly(2026, 1, 1));
        Assert.Equal(1_285, prices.Length);
        var returns = Engine.Market.PriceHistory.LogReturns(prices);
        var fit = MertonCalibration.Fit(returns);
        // MARKETS.md's fit: diffusion vol 33%, 6.1 jumps a year, mean log jump -2.9%, jump vol 8.3%. The likelihood is
        // flat along the total jump variance λ(m² + s²), so the maximum may trade fewer, larger jumps for more, smaller
        // ones (it does: ~33 a year of ~4%); it must fit at least as well as MARKETS.md's parameters, with a similar
        // diffusion vol and the sample's total vol.
        double atMarkets = MertonCalibration.LogLikelihood(returns, fit.Drift, 0.33, new Engine.Models.LogNormalJumps(6.1, -0.029, 0.083));
        Assert.True(fit.LogLikelihood >= atMarkets, $"{fit.LogLikelihood} < {atMarkets}");
        Assert.InRange(fit.Volatility, 0.25, 0.40);
        Assert.Equal(fit.GaussianVolatility, fit.TotalVolatility, 0.02);
    }

    [Fact]
    public void BadInput_NamesTheField()
    {
        Assert.Equal("logReturns", Assert.Throws<InvalidInputException>(() => MertonCalibration.Fit(new double[100])).Field);
        var returns = SimulatedReturns(300, 0, 0.3, 5, 0, 0.05, 1);
        returns[3] = double.NaN;
        Assert.Equal("logReturns[3]", Assert.Throws<InvalidInputException>(() => MertonCalibration.Fit(returns)).Field);
        Assert.Equal("prices[1]", Assert.Throws<InvalidInputException>(() => Engine.Market.PriceHistory.LogReturns([70, -1, 71])).Field);
    }
}

using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Simd;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// The SIMD step equals its scalar definition at every tail length (1..40 elements): with jumps, N = #{k : u &gt; F(k)}
/// and the jump normal Φ⁻¹((u − F(N − 1)) / (F(N) − F(N − 1))) from the same uniform (MathNet's inverse CDF here).
/// </summary>
public class AffineLogStepTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Execute_EveryTailLength_MatchesScalarDefinition(bool jumps)
    {
        double[] cdf = jumps ? PoissonThresholds.Cdf(0.7) : [];
        for (int n = 1; n <= 40; n++)
        {
            var rng = new Random(n);
            double[] x = Enumerable.Range(0, n).Select(_ => Math.Log(50 + 50 * rng.NextDouble())).ToArray();
            double[] z = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
            double[] u = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
            double[] expectedX = new double[n], expectedPrice = new double[n];
            for (int i = 0; i < n; i++)
            {
                int count = cdf.Count(c => u[i] > c);
                double lower = count == 0 ? 0 : cdf[count - 1], upper = count < cdf.Length ? cdf[count] : 1;
                double zj = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, Math.Min((u[i] - lower) / (upper - lower), 1 - Math.Pow(2, -53)));
                expectedX[i] = 0.9 * x[i] + 0.4 + 0.2 * z[i] + (jumps ? count * -0.05 + Math.Sqrt(count) * 0.1 * zj : 0);
                expectedPrice[i] = Math.Exp(expectedX[i]);
            }
            var price = new double[n];
            var kernel = new AffineLogStep
            {
                State = x, Price = price, Normals = z, A = 0.9, B = 0.4, C = 0.2,
                JumpCdf = cdf, Uniforms = u, JumpMean = -0.05, JumpVolatility = 0.1,
            };
            SimdLoop.Run(ref kernel, n);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(expectedX[i], x[i], 1e-13);
                Assert.Equal(expectedPrice[i], price[i], 1e-12 * expectedPrice[i]);
            }
        }
    }

    [Fact]
    public void PoissonThresholds_Cdf_MatchesPoissonDistribution()
    {
        var cdf = PoissonThresholds.Cdf(2.5);
        var poisson = new MathNet.Numerics.Distributions.Poisson(2.5);
        for (int k = 0; k < cdf.Length; k++) Assert.Equal(poisson.CumulativeDistribution(k), cdf[k], 1e-14);
        Assert.True(1 - cdf[^1] < 1e-15);
        Assert.Empty(PoissonThresholds.Cdf(0));
    }
}

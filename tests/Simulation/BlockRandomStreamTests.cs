using CarbonDerivatives.Engine.Simulation;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>Streams are reproducible per (seed, block), distinct across blocks, and have the right moments.</summary>
public class BlockRandomStreamTests
{
    [Fact]
    public void Reset_SameSeedAndBlock_SameNumbers()
    {
        var a = Draw(seed: 1, block: 7, 4096);
        var b = Draw(seed: 1, block: 7, 4096);
        Assert.Equal(a, b);
        Assert.NotEqual(a, Draw(seed: 1, block: 8, 4096));
        Assert.NotEqual(a, Draw(seed: 2, block: 7, 4096));
    }

    [Fact]
    public void DrawNormals_HandsOverTheNormalsOfFillNormals_BitForBit()
    {
        var filled = Draw(seed: 4, block: 3, 4096);
        var stream = new BlockRandomStream();
        stream.Reset(4, 3);
        var drawn = new double[4096];
        var store = new StoreNormals { Destination = drawn };
        stream.DrawNormals(drawn.Length, ref store);
        Assert.Equal(filled.Select(BitConverter.DoubleToInt64Bits), drawn.Select(BitConverter.DoubleToInt64Bits));
    }

    private ref struct StoreNormals : INormalConsumer
    {
        public Span<double> Destination;

        public void Take<TDouble>(TDouble normals, int index) where TDouble : struct, Engine.Simulation.Simd.ISimdDouble<TDouble> =>
            normals.Store(Destination, index);
    }

        [Fact]
    public void FillNormals_LargeSample_MomentsOfStandardNormal()
    {
        // 2^20 draws: SE of the mean 0.001, of the variance 0.0014, of the 4th moment ~0.01.
        var z = Draw(seed: 3, block: 0, 1 << 20);
        Assert.InRange(z.Mean(), -0.004, 0.004);
        Assert.InRange(z.Variance(), 1 - 0.006, 1 + 0.006);
        Assert.InRange(z.Skewness(), -0.01, 0.01);
        Assert.InRange(z.Select(x => x * x * x * x).Average(), 3 - 0.04, 3 + 0.04);
    }

    [Fact]
    public void FillNormals_TailFrequencies_MatchTheNormalDistribution()
    {
        // P(|Z| > 3) = 0.0027: expect 2,831 of 2^20 (SE ~53).
        var z = Draw(seed: 4, block: 1, 1 << 20);
        double expected = 2 * Normal.CDF(0, 1, -3) * z.Length;
        Assert.InRange(z.Count(x => Math.Abs(x) > 3), expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
    }

    [Fact]
    public void FillUniforms_OpenIntervalAndUniformMoments()
    {
        var stream = new BlockRandomStream();
        stream.Reset(5, 0);
        var u = new double[1 << 20];
        stream.FillUniforms(u);
        Assert.All(u, x => Assert.InRange(x, double.Epsilon, 1 - 1e-17));
        Assert.InRange(u.Average(), 0.5 - 0.0012, 0.5 + 0.0012);
        Assert.InRange(u.Variance(), 1.0 / 12 - 0.0012, 1.0 / 12 + 0.0012);
    }

    private static double[] Draw(ulong seed, long block, int count)
    {
        var stream = new BlockRandomStream();
        stream.Reset(seed, block);
        var z = new double[count];
        stream.FillNormals(z);
        return z;
    }
}

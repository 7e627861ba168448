using CarbonDerivatives.Engine.Simulation.Simd;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// The engine's own exp, log, sin/cos (and the normal CDF built on exp, within its stated error): within 2 ulp of the runtime's scalar Math functions (the reference, which
/// is correctly rounded or nearly so), and bit for bit the same on the 512-bit, 256-bit and scalar tiers — the vector
/// tiers run in software where the CPU lacks them, so all three are checked on any machine.
/// </summary>
public class ElementaryFunctionsTests
{
    private const int Samples = 200_000;

    [Fact]
    public void Exp_WithinTwoUlp_SameBitsOnEveryTier()
    {
        var random = new Random(7);
        var inputs = Enumerable.Range(0, Samples).Select(_ => -745 + random.NextDouble() * 1454).ToArray();
        AssertAccurateAndTierIndependent(inputs, x => ElementaryFunctions.Exp(x), x => ElementaryFunctions.Exp(x),
            x => ElementaryFunctions.Exp(x), Math.Exp, "exp");
    }

    [Fact]
    public void Exp_NearZeroAndAtTheEdges()
    {
        double[] inputs = [0, -0.0, 1e-300, -1e-300, 1e-10, 0.5 * Math.Log(2), 709.78, 709.79, -708.39, -740, -745.2, -800, 800,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        var results = Tier512(inputs, x => ElementaryFunctions.Exp(x));
        for (int i = 0; i < inputs.Length; i++)
        {
            double expected = Math.Exp(inputs[i]);
            if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0) Assert.Equal(expected, results[i]);
            else Assert.True(UlpDistance(results[i], expected) <= 2, $"exp({inputs[i]:R}) = {results[i]:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Log_WithinTwoUlp_SameBitsOnEveryTier()
    {
        var random = new Random(11);
        var inputs = Enumerable.Range(0, Samples).Select(_ => Math.Exp(-740 + random.NextDouble() * 1448)).ToArray();
        inputs[0] = double.Epsilon;
        inputs[1] = 1;
        inputs[2] = Math.BitDecrement(1);
        inputs[3] = Math.BitIncrement(1);
        AssertAccurateAndTierIndependent(inputs, x => ElementaryFunctions.Log(x), x => ElementaryFunctions.Log(x),
            x => ElementaryFunctions.Log(x), Math.Log, "log");
    }

    [Fact]
    public void ScaleByPowerOfTwo_IsMathScaleB_OnEveryTierAndInTwoFactors()
    {
        // Exp's last step: p·2^k with p near 1 and k down to the subnormal range, where the result rounds once.
        var random = new Random(17);
        var values = Enumerable.Range(0, Samples).Select(_ => 0.7 + 0.75 * random.NextDouble()).ToArray();
        var powers = Enumerable.Range(0, Samples).Select(_ => (double)random.Next(-1100, 1025)).ToArray();
        var expected = values.Select((v, i) => BitConverter.DoubleToInt64Bits(Math.ScaleB(v, (int)powers[i]))).ToArray();
        var twoFactors = values.Select((v, i) => ToDouble(ExponentBits.ScaleInTwoFactors(new SimdDoubleScalar(v), new SimdDoubleScalar(powers[i])))).ToArray();
        double[][] results =
            [ApplyPairwise<SimdDouble512>(values, powers), ApplyPairwise<SimdDouble256>(values, powers), ApplyPairwise<SimdDoubleScalar>(values, powers), twoFactors];
        foreach (var result in results)
            for (int i = 0; i < Samples; i++)
                Assert.True(expected[i] == BitConverter.DoubleToInt64Bits(result[i]), $"{values[i]:R}·2^{powers[i]} = {result[i]:R}, expected {Math.ScaleB(values[i], (int)powers[i]):R}");
    }

    private static double ToDouble(SimdDoubleScalar x)
    {
        var one = new double[1];
        x.Store(one, 0);
        return one[0];
    }

    private static double[] ApplyPairwise<TVec>(double[] values, double[] powers) where TVec : struct, ISimdDouble<TVec>
    {
        var results = new double[values.Length];
        for (int i = 0; i + TVec.Count <= values.Length; i += TVec.Count)
            TVec.ScaleByPowerOfTwo(TVec.Load(values, i), TVec.Load(powers, i)).Store(results, i);
        return results;
    }

    /// <summary>Φ at points of scripts/normal_cdf_coefficients.py's table (mpmath, 50 digits), on every tier.</summary>
    [Theory]
    [InlineData(-37, 5.7255712225245768e-300)]
    [InlineData(-30, 4.9067139271481871e-198)]
    [InlineData(-20, 2.7536241186062337e-89)]
    [InlineData(-12, 1.776482112077679e-33)]
    [InlineData(-8, 6.2209605742717841e-16)]
    [InlineData(-6, 9.8658764503769814e-10)]
    [InlineData(-5, 2.8665157187919391e-7)]
    [InlineData(-4, 3.1671241833119921e-5)]
    [InlineData(-3, 1.3498980316300945e-3)]
    [InlineData(-2.5, 6.2096653257761352e-3)]
    [InlineData(-2, 2.2750131948179207e-2)]
    [InlineData(-1.5, 6.6807201268858066e-2)]
    [InlineData(-1, 1.5865525393145705e-1)]
    [InlineData(-0.75, 2.266273523768682e-1)]
    [InlineData(-0.5, 3.085375387259869e-1)]
    [InlineData(-0.25, 4.0129367431707628e-1)]
    [InlineData(-0.1, 4.6017216272297102e-1)]
    [InlineData(-0.001, 4.9960105778608894e-1)]
    [InlineData(0, 5.0e-1)]
    [InlineData(0.001, 5.0039894221391106e-1)]
    [InlineData(0.1, 5.3982783727702898e-1)]
    [InlineData(0.5, 6.914624612740131e-1)]
    [InlineData(1, 8.4134474606854295e-1)]
    [InlineData(2, 9.7724986805182079e-1)]
    [InlineData(3, 9.9865010196836991e-1)]
    [InlineData(5, 9.9999971334842812e-1)]
    [InlineData(8, 9.9999999999999938e-1)]
    [InlineData(9, 1.0)]
    public void NormalCdf_MatchesMpmathTable(double x, double expected)
    {
        var results = new[] { Tier512([x], NormalCdf.Cdf), Tier256([x], NormalCdf.Cdf), TierScalar([x], NormalCdf.Cdf) };
        foreach (var result in results)
            Assert.True(Math.Abs(result[0] - expected) <= NormalCdfTolerance(x, expected), $"Φ({x:R}) = {result[0]:R}, expected {expected:R}");
    }

    [Fact]
    public void NormalCdf_AgreesWithMathNet_SameBitsOnEveryTier()
    {
        var random = new Random(23);
        var inputs = Enumerable.Range(0, Samples).Select(i => i % 4 == 0 ? -37 + 46 * random.NextDouble() : -6 + 12 * random.NextDouble()).ToArray();
        var wide = Tier512(inputs, NormalCdf.Cdf);
        var narrow = Tier256(inputs, NormalCdf.Cdf);
        var scalar = TierScalar(inputs, NormalCdf.Cdf);
        for (int i = 0; i < inputs.Length; i++)
        {
            double reference = 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-inputs[i] / Math.Sqrt(2)); // MathNet's erfc
            Assert.True(Math.Abs(wide[i] - reference) <= NormalCdfTolerance(inputs[i], reference), $"Φ({inputs[i]:R}) = {wide[i]:R}, MathNet {reference:R}");
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide[i]), BitConverter.DoubleToInt64Bits(narrow[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide[i]), BitConverter.DoubleToInt64Bits(scalar[i]));
        }
        var special = Tier512([double.NegativeInfinity, double.PositiveInfinity, double.NaN], NormalCdf.Cdf);
        Assert.Equal([0.0, 1.0], special[..2]);
        Assert.True(double.IsNaN(special[2]));
    }

    /// <summary>NormalCdf's stated accuracy: relative (1 + x²/2)·2⁻⁵² in the lower tail (a factor 4 of margin, plus
    /// the reference's own ulp), 5e-16 absolute in the upper half (Φ(−x) to a few ulp, then 1 − Φ(−x) rounds).</summary>
    private static double NormalCdfTolerance(double x, double expected) =>
        x <= 0 ? (4 * (1 + x * x / 2) + 2) * Math.Pow(2, -52) * expected : 5e-16;

    [Fact]
    public void InverseNormalCdf_AgreesWithMathNet_SameBitsOnEveryTier()
    {
        // Central draws, both tails down to 1e-300, and the conditional uniforms of Merton's jump draws (near 0 and 1).
        var random = new Random(29);
        var inputs = Enumerable.Range(0, Samples).Select(i => (i % 4) switch
        {
            0 => Math.Pow(10, -300 * random.NextDouble()),
            1 => Math.Min(1 - Math.Pow(2, -53 * (0.02 + 0.98 * random.NextDouble())), 1 - Math.Pow(2, -53)),
            _ => random.NextDouble() * (1 - Math.Pow(2, -53)) + Math.Pow(2, -54),
        }).ToArray();
        var wide = Tier512(inputs, InverseNormalCdf.Inverse);
        var narrow = Tier256(inputs, InverseNormalCdf.Inverse);
        var scalar = TierScalar(inputs, InverseNormalCdf.Inverse);
        for (int i = 0; i < inputs.Length; i++)
        {
            double reference = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, inputs[i]);
            Assert.True(Math.Abs(wide[i] - reference) <= 1e-14 * Math.Max(1, Math.Abs(reference)), $"Φ⁻¹({inputs[i]:R}) = {wide[i]:R}, MathNet {reference:R}");
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide[i]), BitConverter.DoubleToInt64Bits(narrow[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide[i]), BitConverter.DoubleToInt64Bits(scalar[i]));
        }
    }

    [Fact]
    public void Log_OfZeroNegativeInfinityAndNaN()
    {
        double[] inputs = [0, -0.0, -1, double.NegativeInfinity, double.PositiveInfinity, double.NaN, 5e-324, double.MaxValue];
        var results = Tier512(inputs, x => ElementaryFunctions.Log(x));
        for (int i = 0; i < inputs.Length; i++)
        {
            double expected = Math.Log(inputs[i]);
            if (!double.IsFinite(expected)) Assert.Equal(expected, results[i]);
            else Assert.True(UlpDistance(results[i], expected) <= 2, $"log({inputs[i]:R}) = {results[i]:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void SinCosOfTurns_WithinTwoUlpOfUnitScale_SameBitsOnEveryTier()
    {
        var random = new Random(13);
        var inputs = Enumerable.Range(0, Samples).Select(_ => random.NextDouble()).ToArray();
        inputs[0] = 0;
        inputs[1] = 0.25;
        inputs[2] = 0.5;
        inputs[3] = 0.75;
        inputs[4] = 1;
        foreach (bool sine in new[] { true, false })
        {
            Func<double, double> reference = t => ReferenceSinCos(t, sine);
            var on512 = Tier512(inputs, x => Pick(ElementaryFunctions.SinCosOfTurns(x), sine));
            var on256 = Tier256(inputs, x => Pick(ElementaryFunctions.SinCosOfTurns(x), sine));
            var onScalar = TierScalar(inputs, x => Pick(ElementaryFunctions.SinCosOfTurns(x), sine));
            for (int i = 0; i < inputs.Length; i++)
            {
                Assert.True(Math.Abs(on512[i] - reference(inputs[i])) <= 2.5e-16, $"{(sine ? "sin" : "cos")}(2π·{inputs[i]:R}) = {on512[i]:R}, expected {reference(inputs[i]):R}");
                Assert.Equal(BitConverter.DoubleToInt64Bits(on512[i]), BitConverter.DoubleToInt64Bits(on256[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(on512[i]), BitConverter.DoubleToInt64Bits(onScalar[i]));
            }
        }
    }

    /// <summary>
    /// Math.Sin/Cos after an exact reduction to the nearest quarter turn, so the reference's own argument error is
    /// below 0.6e-16 (2π·t itself would be off by up to 4.4e-16 near t = 1).
    /// </summary>
    private static double ReferenceSinCos(double turns, bool sine)
    {
        double quarters = Math.Round(4 * turns), theta = 2 * Math.PI * (turns - quarters / 4);
        int quadrant = (int)(((long)quarters % 4 + 4) % 4);
        double sin = Math.Sin(theta), cos = Math.Cos(theta);
        return (quadrant, sine) switch
        {
            (0, true) => sin, (0, false) => cos,
            (1, true) => cos, (1, false) => -sin,
            (2, true) => -sin, (2, false) => -cos,
            (_, true) => -cos, (_, false) => sin,
        };
    }

    private static T Pick<T>((T Sin, T Cos) pair, bool sine) => sine ? pair.Sin : pair.Cos;

    private static void AssertAccurateAndTierIndependent(double[] inputs, Func<SimdDouble512, SimdDouble512> on512,
        Func<SimdDouble256, SimdDouble256> on256, Func<SimdDoubleScalar, SimdDoubleScalar> onScalar, Func<double, double> reference, string name)
    {
        var wide = Tier512(inputs, on512);
        var narrow = Tier256(inputs, on256);
        var scalar = TierScalar(inputs, onScalar);
        long worst = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide[i]), BitConverter.DoubleToInt64Bits(narrow[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(wide[i]), BitConverter.DoubleToInt64Bits(scalar[i]));
            worst = Math.Max(worst, UlpDistance(wide[i], reference(inputs[i])));
        }
        Assert.True(worst <= 2, $"{name}: worst error {worst} ulp");
    }

    private static long UlpDistance(double a, double b) =>
        Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    private static double[] Tier512(double[] inputs, Func<SimdDouble512, SimdDouble512> f) => Apply(inputs, f);
    private static double[] Tier256(double[] inputs, Func<SimdDouble256, SimdDouble256> f) => Apply(inputs, f);
    private static double[] TierScalar(double[] inputs, Func<SimdDoubleScalar, SimdDoubleScalar> f) => Apply(inputs, f);

    private static double[] Apply<TVec>(double[] inputs, Func<TVec, TVec> f) where TVec : struct, ISimdDouble<TVec>
    {
        int count = TVec.Count, padded = (inputs.Length + count - 1) / count * count;
        var source = new double[padded];
        inputs.CopyTo(source, 0);
        var results = new double[padded];
        for (int i = 0; i < padded; i += count) f(TVec.Load(source, i)).Store(results, i);
        return results[..inputs.Length];
    }
}

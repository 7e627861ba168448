using CarbonDerivatives.Engine.Simulation.Simd;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// The engine's own exp, log and sin/cos: within 2 ulp of the runtime's scalar Math functions (the reference, which
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

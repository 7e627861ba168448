using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Simulation.Single;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// Single-precision paths: the float functions within 2 ulp of the double ones rounded to float, the same bits on
/// every tier; prices within 4 SE of the closed form and of the double-precision run; refused where not covered.
/// </summary>
public class SinglePrecisionTests
{
    private const int Samples = 100_000;

    [Fact]
    public void Exp_WithinTwoUlp_SameBitsOnEveryTier()
    {
        var random = new Random(3);
        var inputs = Enumerable.Range(0, Samples).Select(i => (float)(i % 2 == 0 ? -87 + 175 * random.NextDouble() : -1 + 2 * random.NextDouble())).ToArray();
        AssertAccurateAndTierIndependent(inputs, SingleFunctions.Exp, SingleFunctions.Exp, SingleFunctions.Exp, Math.Exp, absoluteScale: 0, "exp");
    }

    [Fact]
    public void LogOfPositiveNormal_WithinTwoUlp_SameBitsOnEveryTier()
    {
        var random = new Random(5);
        var inputs = Enumerable.Range(0, Samples).Select(i => (float)(i % 2 == 0 ? Math.Pow(2, -126 + 253 * random.NextDouble()) : 0.5 + random.NextDouble())).ToArray();
        inputs[0] = 1f;
        AssertAccurateAndTierIndependent(inputs, SingleFunctions.LogOfPositiveNormal, SingleFunctions.LogOfPositiveNormal,
            SingleFunctions.LogOfPositiveNormal, Math.Log, absoluteScale: 0, "log");
    }

    [Fact]
    public void SinCosOfTurns_WithinTwoUlpOfUnitScale_SameBitsOnEveryTier()
    {
        var random = new Random(7);
        var inputs = Enumerable.Range(0, Samples).Select(_ => (float)random.NextDouble()).ToArray();
        inputs[0] = 0;
        inputs[1] = 0.25f;
        inputs[2] = 0.5f;
        inputs[3] = 1f;
        AssertAccurateAndTierIndependent(inputs, t => SingleFunctions.SinCosOfTurns(t).Sin, t => SingleFunctions.SinCosOfTurns(t).Sin,
            t => SingleFunctions.SinCosOfTurns(t).Sin, t => Math.Sin(2 * Math.PI * t), absoluteScale: 1, "sin");
        AssertAccurateAndTierIndependent(inputs, t => SingleFunctions.SinCosOfTurns(t).Cos, t => SingleFunctions.SinCosOfTurns(t).Cos,
            t => SingleFunctions.SinCosOfTurns(t).Cos, t => Math.Cos(2 * Math.PI * t), absoluteScale: 1, "cos");
    }

    [Theory]
    [InlineData(OptionType.Call, 80.0, false)]
    [InlineData(OptionType.Put, 70.0, true)]
    public void European_WithinFourStandardErrorsOfBlack76AndOfDouble(OptionType type, double strike, bool antithetic)
    {
        var model = new Black76Model(80, 0.45);
        var grid = TimeGrid.Uniform(1, 12);
        var settings = new MonteCarloSettings { Paths = 200_000, Seed = 11, Antithetic = antithetic };
        var single = MonteCarloSimulator.Run(model, grid, new EuropeanPayoff(type, strike), settings with { Precision = SimulationPrecision.Single });
        var reference = MonteCarloSimulator.Run(model, grid, new EuropeanPayoff(type, strike), settings);
        McAssert.WithinStandardErrors(Black76.Price(type, 80, strike, 1, 0.45, 1), single, label: "single vs Black-76");
        double combined = Math.Sqrt(single.StandardError * single.StandardError + reference.StandardError * reference.StandardError);
        Assert.True(Math.Abs(single.Value - reference.Value) < 4 * combined, $"single {single.Value} vs double {reference.Value} ± {combined}");
    }

    [Fact]
    public void ArithmeticAverageOn252Steps_WithinFourStandardErrorsOfDouble_AndTheSameBitsOnOneAndTwoThreads()
    {
        var model = new SchwartzOneFactorModel(80, 1.5, 75, 0.4);
        var grid = TimeGrid.Uniform(1, 252);
        var payoff = new ArithmeticAveragePayoff(OptionType.Call, 78);
        var settings = new MonteCarloSettings { Paths = 100_000, Seed = 3 };
        var one = MonteCarloSimulator.Run(model, grid, payoff, settings with { Precision = SimulationPrecision.Single, MaxDegreeOfParallelism = 1 });
        var two = MonteCarloSimulator.Run(model, grid, payoff, settings with { Precision = SimulationPrecision.Single, MaxDegreeOfParallelism = 2 });
        var reference = MonteCarloSimulator.Run(model, grid, payoff, settings);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Value), BitConverter.DoubleToInt64Bits(two.Value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.StandardError), BitConverter.DoubleToInt64Bits(two.StandardError));
        double combined = Math.Sqrt(one.StandardError * one.StandardError + reference.StandardError * reference.StandardError);
        Assert.True(Math.Abs(one.Value - reference.Value) < 4 * combined, $"single {one.Value} vs double {reference.Value} ± {combined}");
    }

    [Fact]
    public void Single_ForJumpsOrSobol_RefusedNamingThePrecision()
    {
        var grid = TimeGrid.Uniform(1, 12);
        var payoff = new EuropeanPayoff(OptionType.Call, 80);
        var single = new MonteCarloSettings { Paths = 10_000, Seed = 1, Precision = SimulationPrecision.Single };
        var merton = new MertonJumpDiffusionModel(80, 0.3, new LogNormalJumps(6.1, -0.03, 0.08));
        Assert.Equal("monteCarlo.precision", Assert.Throws<InvalidInputException>(() => MonteCarloSimulator.Run(merton, grid, payoff, single)).Field);
        var sobol = single with { Random = RandomKind.SobolBrownianBridge, Paths = 16_384 };
        Assert.Equal("monteCarlo.precision",
            Assert.Throws<InvalidInputException>(() => MonteCarloSimulator.Run(new Black76Model(80, 0.3), grid, payoff, sobol)).Field);
    }

    /// <summary>Same bits on the 512-bit, 256-bit and scalar tiers, and within 2 ulp of the double reference rounded to
    /// float (relative, or of <paramref name="absoluteScale"/> when that is positive).</summary>
    private static void AssertAccurateAndTierIndependent(float[] inputs, Func<SimdSingle512, SimdSingle512> on512,
        Func<SimdSingle256, SimdSingle256> on256, Func<SimdSingleScalar, SimdSingleScalar> onScalar, Func<double, double> reference,
        double absoluteScale, string name)
    {
        var wide = Apply(inputs, on512);
        var narrow = Apply(inputs, on256);
        var scalar = Apply(inputs, onScalar);
        double worst = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(wide[i]), BitConverter.SingleToInt32Bits(narrow[i]));
            Assert.Equal(BitConverter.SingleToInt32Bits(wide[i]), BitConverter.SingleToInt32Bits(scalar[i]));
            double expected = reference(inputs[i]);
            double ulp = absoluteScale > 0 ? Math.Pow(2, -24) * absoluteScale : Math.Max(MathF.BitIncrement((float)Math.Abs(expected)) - (float)Math.Abs(expected), float.Epsilon);
            worst = Math.Max(worst, Math.Abs(wide[i] - expected) / ulp);
        }
        Assert.True(worst <= 2, $"{name}: worst error {worst:F2} ulp");
    }

    private static float[] Apply<TVec>(float[] inputs, Func<TVec, TVec> f) where TVec : struct, ISimdSingle<TVec>
    {
        int count = TVec.Count, padded = (inputs.Length + count - 1) / count * count;
        var source = new float[padded];
        inputs.CopyTo(source, 0);
        Array.Fill(source, 1f, inputs.Length, padded - inputs.Length);
        var results = new float[padded];
        for (int i = 0; i < padded; i += count) f(TVec.Load(source, i)).Store(results, i);
        return results[..inputs.Length];
    }
}

using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.Distributions;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// <see cref="InverseNormal"/> against MathNet.Numerics 5.0.0 <c>Normal.InvCDF</c> and <c>Normal.CDF</c>
/// (an independent implementation: Boost-derived rational approximations of erfc⁻¹ and erfc) and the
/// closed-form antisymmetry Φ⁻¹(1 − p) = −Φ⁻¹(p). Deterministic grids; no false failures.
/// </summary>
public sealed class InverseNormalTests
{
    private const double RelativeTolerance = 1e-14;

    /// <summary>Central grid k/1000, plus 10^-k and 1 - 10^-k tails down to 1e-300 and 1 - 1e-16.</summary>
    public static IEnumerable<double> Probabilities()
    {
        for (int k = 1; k < 1000; k++) yield return k / 1000.0;
        for (int k = 1; k <= 300; k++) yield return Math.Pow(10, -k);
        for (int k = 1; k <= 16; k++) yield return 1 - Math.Pow(10, -k);
        for (int k = 1; k <= 20; k++)
        {
            yield return 0.075 + k * 1e-4 - 1e-3;   // around the central/tail split |p - 1/2| = 0.425
            yield return 0.925 - k * 1e-4 + 1e-3;
        }
        yield return Math.Exp(-25);              // around the tail split r = 5
        yield return Math.Exp(-25) * 1.0001;
        yield return Math.Exp(-25) * 0.9999;
        yield return 0.5;
        yield return 0.5 + 1e-9;
        yield return 0.5 - 1e-12;
    }

    [Fact]
    public void Inverse_ProbabilityGrid_MatchesMathNetInvCdf()
    {
        foreach (double p in Probabilities())
        {
            double expected = Normal.InvCDF(0, 1, p);
            double actual = InverseNormal.Inverse(p);
            AssertRelative(expected, actual, RelativeTolerance, $"p = {p:R}");
        }
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1 - 1e-16)]
    public void Inverse_Tails_MatchMathNetInvCdf(double p)
    {
        AssertRelative(Normal.InvCDF(0, 1, p), InverseNormal.Inverse(p), RelativeTolerance, $"p = {p:R}");
    }

    [Fact]
    public void Inverse_ProbabilityGrid_RoundTripsThroughMathNetCdf()
    {
        foreach (double p in Probabilities())
        {
            double z = InverseNormal.Inverse(p);
            // Compare the smaller tail mass, where CDF keeps relative accuracy. Relative error e in z
            // becomes about max(1, z^2) * e in the tail mass (Mills ratio), hence the scaled tolerance.
            double tailMass = p < 0.5 ? p : 1 - p;
            double roundTrip = p < 0.5 ? Normal.CDF(0, 1, z) : Normal.CDF(0, 1, -z);
            AssertRelative(tailMass, roundTrip, 4 * RelativeTolerance * Math.Max(1, z * z), $"p = {p:R}, z = {z:R}");
        }
    }

    [Fact]
    public void Inverse_ComplementaryProbabilities_AreExactlyAntisymmetric()
    {
        // 1 - p is exact for these p, so Φ⁻¹(1 - p) = -Φ⁻¹(p) must hold to the last bit.
        for (int k = 1; k < 1024; k++)
        {
            double p = k / 1024.0;
            Assert.Equal(-InverseNormal.Inverse(p), InverseNormal.Inverse(1 - p));
        }
        for (int k = 2; k <= 53; k++)
        {
            double p = Math.Pow(2, -k);
            Assert.Equal(-InverseNormal.Inverse(p), InverseNormal.Inverse(1 - p));
        }
        Assert.Equal(0.0, InverseNormal.Inverse(0.5));
    }

    [Fact]
    public void Inverse_SmallestPositiveProbability_IsFiniteAndBelowTheTailGrid()
    {
        double z = InverseNormal.Inverse(double.Epsilon);
        Assert.True(double.IsFinite(z));
        Assert.True(z < InverseNormal.Inverse(1e-300));
    }

    [Fact]
    public void Inverse_Span_MatchesScalar()
    {
        double[] p = Probabilities().ToArray();
        var z = new double[p.Length];
        InverseNormal.Inverse(p, z);
        for (int i = 0; i < p.Length; i++) Assert.Equal(InverseNormal.Inverse(p[i]), z[i]);
    }

    [Fact]
    public void Inverse_SpanInPlace_MatchesScalar()
    {
        double[] p = [0.001, 0.3, 0.5, 0.97];
        double[] buffer = (double[])p.Clone();
        InverseNormal.Inverse(buffer, buffer);
        for (int i = 0; i < p.Length; i++) Assert.Equal(InverseNormal.Inverse(p[i]), buffer[i]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Inverse_ProbabilityOutsideOpenUnitInterval_ThrowsInvalidInput(double p)
    {
        var error = Assert.Throws<InvalidInputException>(() => InverseNormal.Inverse(p));
        Assert.Equal("p", error.Field);

        var z = new double[3];
        var spanError = Assert.Throws<InvalidInputException>(() => InverseNormal.Inverse([0.2, p, 0.7], z));
        Assert.Equal("p", spanError.Field);
        Assert.Equal(new double[3], z); // nothing written before the check fails
    }

    [Fact]
    public void Inverse_SpanLengthMismatch_ThrowsInvalidInput()
    {
        var error = Assert.Throws<InvalidInputException>(() => InverseNormal.Inverse([0.2, 0.5], new double[3]));
        Assert.Equal("z", error.Field);
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string context)
    {
        double error = Math.Abs(actual - expected);
        if (error > tolerance * Math.Abs(expected))
            Assert.Fail($"{context}: expected {expected:R}, got {actual:R}, relative error {error / Math.Abs(expected):E2} > {tolerance:E0}");
    }
}

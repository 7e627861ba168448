using CarbonDerivatives.Engine.Simulation.Simd;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Numerics;

/// <summary>
/// The inverse of the standard normal cumulative distribution function, z = Φ<sup>−1</sup>(p), to full
/// double precision on the open interval (0, 1).
/// </summary>
/// <remarks>
/// Algorithm AS 241, PPND16: M. J. Wichura (1988), "The percentage points of the normal distribution",
/// Applied Statistics 37(3), 477-484. Three rational approximations of degree 7/7: one in
/// r = 0.180625 − q² for |q| = |p − ½| ≤ 0.425, and two in r = √(−ln min(p, 1 − p)), split at r = 5,
/// for the tails. Wichura reports a relative accuracy of about 1e−16; it covers the whole double range
/// down to the smallest subnormal p (r ≈ 27.3). The tail argument uses min(p, 1 − p) computed exactly
/// (1 − p is exact for p ≥ ½), so the result is antisymmetric: Inverse(1 − p) = −Inverse(p) whenever
/// 1 − p is representable. The evaluation is <see cref="InverseNormalCdf"/> (Wichura's published coefficients,
/// Horner's rule fused, vectorised over spans), the same function the simulation kernels call.
/// </remarks>
public static class InverseNormal
{
    /// <summary>Returns z with Φ(z) = <paramref name="p"/> for the standard normal (mean 0, variance 1).</summary>
    /// <param name="p">Probability, strictly between 0 and 1.</param>
    /// <returns>The quantile, dimensionless (in standard deviations); negative for p &lt; ½.</returns>
    /// <exception cref="InvalidInputException"><paramref name="p"/> is NaN or outside (0, 1) (field <c>p</c>).</exception>
    public static double Inverse(double p)
    {
        if (!IsValid(p)) FailProbability(p);
        return InverseUnchecked(p);
    }

    /// <summary>Element-wise <see cref="Inverse(double)"/>: z[i] = Φ<sup>−1</sup>(p[i]).</summary>
    /// <param name="p">Probabilities, each strictly between 0 and 1; all are checked before any is written.</param>
    /// <param name="z">Caller-owned output, the same length as <paramref name="p"/>; may not overlap it
    /// partially (the same buffer for both is fine).</param>
    /// <exception cref="InvalidInputException">A probability is invalid (field <c>p</c>), or the lengths differ (field <c>z</c>).</exception>
    public static void Inverse(ReadOnlySpan<double> p, Span<double> z)
    {
        if (z.Length != p.Length) Guard.Fail("z", $"length {z.Length} must equal the length of p, {p.Length}");
        foreach (double value in p)
        {
            if (!IsValid(value)) FailProbability(value);
        }
        InverseUnchecked(p, z);
    }

    /// <summary>Element-wise inverse without checks; requires every p in (0, 1) and equal lengths.</summary>
    internal static void InverseUnchecked(ReadOnlySpan<double> p, Span<double> z)
    {
        var kernel = new InverseKernel { P = p, Z = z };
        SimdLoop.Run(ref kernel, p.Length);
    }

    /// <summary><see cref="Inverse(double)"/> without the check; requires 0 &lt; p &lt; 1.</summary>
    internal static double InverseUnchecked(double p)
    {
        Span<double> z = [0.0];
        InverseNormalCdf.Inverse(SimdDoubleScalar.Broadcast(p)).Store(z, 0);
        return z[0];
    }

    private static bool IsValid(double p) => p > 0.0 && p < 1.0; // false for NaN

    private static void FailProbability(double p) =>
        Guard.Fail("p", $"must lie strictly between 0 and 1, got {p}");

    private ref struct InverseKernel : ISimdKernel
    {
        public ReadOnlySpan<double> P;
        public Span<double> Z;

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count) InverseNormalCdf.Inverse(TVec.Load(P, i)).Store(Z, i);
            return i;
        }
    }
}

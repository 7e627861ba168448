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
/// 1 − p is representable. The coefficient tables below are Wichura's published values; the simulation kernels'
/// vectorised Φ⁻¹ (<c>Simulation.Simd.InverseNormalCdf</c>) evaluates the same tables.
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
        for (int i = 0; i < p.Length; i++) z[i] = InverseUnchecked(p[i]);
    }

    /// <summary><see cref="Inverse(double)"/> without the check; requires 0 &lt; p &lt; 1.</summary>
    internal static double InverseUnchecked(double p)
    {
        double q = p - 0.5; // exact
        if (Math.Abs(q) <= CentralSplit)
        {
            double r = CentralConstant - q * q;
            return q * Ratio(r, A0, A1, A2, A3, A4, A5, A6, A7, B1, B2, B3, B4, B5, B6, B7);
        }

        // Tail: distance to the nearer end, exact because 1 - p is exact for p >= 1/2.
        double tail = q < 0 ? p : 1.0 - p;
        double s = Math.Sqrt(-Math.Log(tail));
        double z = s <= TailSplit
            ? Ratio(s - NearTailShift, C0, C1, C2, C3, C4, C5, C6, C7, D1, D2, D3, D4, D5, D6, D7)
            : Ratio(s - TailSplit, E0, E1, E2, E3, E4, E5, E6, E7, F1, F2, F3, F4, F5, F6, F7);
        return q < 0 ? -z : z;
    }

    private static bool IsValid(double p) => p > 0.0 && p < 1.0; // false for NaN

    private static void FailProbability(double p) =>
        Guard.Fail("p", $"must lie strictly between 0 and 1, got {p}");

    /// <summary>(a0 + a1·x + … + a7·x⁷) / (1 + b1·x + … + b7·x⁷) by Horner's rule.</summary>
    private static double Ratio(double x, double a0, double a1, double a2, double a3, double a4, double a5, double a6, double a7,
        double b1, double b2, double b3, double b4, double b5, double b6, double b7) =>
        (((((((a7 * x + a6) * x + a5) * x + a4) * x + a3) * x + a2) * x + a1) * x + a0)
        / (((((((b7 * x + b6) * x + b5) * x + b4) * x + b3) * x + b2) * x + b1) * x + 1.0);

    internal const double CentralSplit = 0.425;
    internal const double CentralConstant = 0.180625; // 0.425^2
    internal const double TailSplit = 5.0;
    internal const double NearTailShift = 1.6;

    // Wichura (1988), AS 241 PPND16: A0..A7 over B0..B7 (B0 = 1) for |p - 1/2| <= 0.425; C/D for the tail with
    // r = sqrt(-ln min(p, 1-p)) <= 5, polynomials in r - 1.6; E/F for r > 5, polynomials in r - 5. Constants, so that
    // kernels compiled for a GPU can use them too.
    internal const double A0 = 3.3871328727963666080e0, A1 = 1.3314166789178437745e+2, A2 = 1.9715909503065514427e+3,
        A3 = 1.3731693765509461125e+4, A4 = 4.5921953931549871457e+4, A5 = 6.7265770927008700853e+4,
        A6 = 3.3430575583588128105e+4, A7 = 2.5090809287301226727e+3;
    internal const double B1 = 4.2313330701600911252e+1, B2 = 6.8718700749205790830e+2, B3 = 5.3941960214247511077e+3,
        B4 = 2.1213794301586595867e+4, B5 = 3.9307895800092710610e+4, B6 = 2.8729085735721942674e+4,
        B7 = 5.2264952788528545610e+3;
    internal const double C0 = 1.42343711074968357734e0, C1 = 4.63033784615654529590e0, C2 = 5.76949722146069140550e0,
        C3 = 3.64784832476320460504e0, C4 = 1.27045825245236838258e0, C5 = 2.41780725177450611770e-1,
        C6 = 2.27238449892691845833e-2, C7 = 7.74545014278341407640e-4;
    internal const double D1 = 2.05319162663775882187e0, D2 = 1.67638483018380384940e0, D3 = 6.89767334985100004550e-1,
        D4 = 1.48103976427480074590e-1, D5 = 1.51986665636164571966e-2, D6 = 5.47593808499534494600e-4,
        D7 = 1.05075007164441684324e-9;
    internal const double E0 = 6.65790464350110377720e0, E1 = 5.46378491116411436990e0, E2 = 1.78482653991729133580e0,
        E3 = 2.96560571828504891230e-1, E4 = 2.65321895265761230930e-2, E5 = 1.24266094738807843860e-3,
        E6 = 2.71155556874348757815e-5, E7 = 2.01033439929228813265e-7;
    internal const double F1 = 5.99832206555887937690e-1, F2 = 1.36929880922735805310e-1,
        F3 = 1.48753612908506148525e-2, F4 = 7.86869131145613259100e-4, F5 = 1.84631831751005468180e-5,
        F6 = 1.42151175831644588870e-7, F7 = 2.04426310338993978564e-15;
}

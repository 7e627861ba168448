using System.Runtime.CompilerServices;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>
/// Φ⁻¹(p) over <see cref="ISimdDouble{TSelf}"/>: Wichura's AS 241 (PPND16, the algorithm and coefficients of
/// <see cref="Numerics.InverseNormal"/>), a rational function of degree 7/7 in r = 0.180625 − (p − ½)² for
/// |p − ½| ≤ 0.425 and two in s = √(−ln min(p, 1 − p)) split at s = 5 for the tails, each evaluated only when some
/// element needs it. Relative error about 1e-16 (Wichura); Horner's rule fused, ln from <see cref="ElementaryFunctions"/>:
/// the same bits on every tier. Requires p in (0, 1); subnormal p is fine (Φ⁻¹(5e-324) ≈ −38.5).
/// </summary>
internal static class InverseNormalCdf
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Inverse<TVec>(TVec p) where TVec : struct, ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0);
        var q = p - TVec.Broadcast(0.5);
        var r = TVec.MultiplyAdd(zero - q, q, TVec.Broadcast(0.180625));
        var z = q * Rational(r,
            3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
            4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3,
            4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
            2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3);
        var distance = TVec.Max(q, zero - q);
        var split = TVec.Broadcast(0.425);
        if (!TVec.AnyGreater(distance, split)) return z;

        // 1 − p is exact for p ≥ ½, so min(p, 1 − p) is the exact distance to the nearer end.
        var s = TVec.Sqrt(zero - ElementaryFunctions.Log(TVec.Min(p, TVec.Broadcast(1) - p)));
        var tail = Rational(s - TVec.Broadcast(1.6),
            1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
            1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
            2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
            1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9);
        var far = TVec.Broadcast(5);
        if (TVec.AnyGreater(s, far))
        {
            var farTail = Rational(s - far,
                6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
                2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
                5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
                7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15);
            tail = TVec.WhereGreater(s, far, farTail, tail);
        }
        tail = TVec.WhereGreater(zero, q, zero - tail, tail);
        return TVec.WhereGreater(distance, split, tail, z);
    }

    /// <summary>(a0 + a1·x + … + a7·x⁷) / (1 + b1·x + … + b7·x⁷), Horner's rule fused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Rational<TVec>(TVec x, double a0, double a1, double a2, double a3, double a4, double a5, double a6, double a7,
        double b1, double b2, double b3, double b4, double b5, double b6, double b7) where TVec : struct, ISimdDouble<TVec>
    {
        var n = TVec.MultiplyAdd(TVec.Broadcast(a7), x, TVec.Broadcast(a6));
        var d = TVec.MultiplyAdd(TVec.Broadcast(b7), x, TVec.Broadcast(b6));
        n = TVec.MultiplyAdd(n, x, TVec.Broadcast(a5));
        d = TVec.MultiplyAdd(d, x, TVec.Broadcast(b5));
        n = TVec.MultiplyAdd(n, x, TVec.Broadcast(a4));
        d = TVec.MultiplyAdd(d, x, TVec.Broadcast(b4));
        n = TVec.MultiplyAdd(n, x, TVec.Broadcast(a3));
        d = TVec.MultiplyAdd(d, x, TVec.Broadcast(b3));
        n = TVec.MultiplyAdd(n, x, TVec.Broadcast(a2));
        d = TVec.MultiplyAdd(d, x, TVec.Broadcast(b2));
        n = TVec.MultiplyAdd(n, x, TVec.Broadcast(a1));
        d = TVec.MultiplyAdd(d, x, TVec.Broadcast(b1));
        n = TVec.MultiplyAdd(n, x, TVec.Broadcast(a0));
        d = TVec.MultiplyAdd(d, x, TVec.Broadcast(1));
        return n / d;
    }
}

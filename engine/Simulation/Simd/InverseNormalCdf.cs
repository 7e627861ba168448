using System.Runtime.CompilerServices;
using CarbonDerivatives.Engine.Numerics;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>
/// Φ⁻¹(p) over <see cref="ISimdDouble{TSelf}"/>: Wichura's AS 241 (PPND16) with the tables of
/// <see cref="InverseNormal"/>, a rational function of degree 7/7 in r = 0.180625 − (p − ½)² for |p − ½| ≤ 0.425 and
/// two in s = √(−ln min(p, 1 − p)) split at s = 5 for the tails, each evaluated only when some element needs it.
/// Relative error about 1e-16 (Wichura); Horner's rule fused and ln from <see cref="ElementaryFunctions"/>, so the
/// same bits on every tier (not those of the scalar <see cref="InverseNormal"/>, whose Horner rounds twice).
/// Requires p in (0, 1); subnormal p is fine.
/// </summary>
internal static class InverseNormalCdf
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Inverse<TVec>(TVec p) where TVec : struct, ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0);
        var q = p - TVec.Broadcast(0.5);
        var r = TVec.MultiplyAdd(zero - q, q, TVec.Broadcast(InverseNormal.CentralConstant));
        var z = q * Rational(r,
            InverseNormal.A0, InverseNormal.A1, InverseNormal.A2, InverseNormal.A3, InverseNormal.A4, InverseNormal.A5, InverseNormal.A6, InverseNormal.A7, InverseNormal.B1, InverseNormal.B2, InverseNormal.B3, InverseNormal.B4, InverseNormal.B5, InverseNormal.B6, InverseNormal.B7);
        var distance = TVec.Max(q, zero - q);
        var split = TVec.Broadcast(InverseNormal.CentralSplit);
        if (!TVec.AnyGreater(distance, split)) return z;

        // 1 − p is exact for p ≥ ½, so min(p, 1 − p) is the exact distance to the nearer end.
        var s = TVec.Sqrt(zero - ElementaryFunctions.Log(TVec.Min(p, TVec.Broadcast(1) - p)));
        var tail = Rational(s - TVec.Broadcast(InverseNormal.NearTailShift),
            InverseNormal.C0, InverseNormal.C1, InverseNormal.C2, InverseNormal.C3, InverseNormal.C4, InverseNormal.C5, InverseNormal.C6, InverseNormal.C7, InverseNormal.D1, InverseNormal.D2, InverseNormal.D3, InverseNormal.D4, InverseNormal.D5, InverseNormal.D6, InverseNormal.D7);
        var far = TVec.Broadcast(InverseNormal.TailSplit);
        if (TVec.AnyGreater(s, far))
            tail = TVec.WhereGreater(s, far, Rational(s - far,
                InverseNormal.E0, InverseNormal.E1, InverseNormal.E2, InverseNormal.E3, InverseNormal.E4, InverseNormal.E5, InverseNormal.E6, InverseNormal.E7, InverseNormal.F1, InverseNormal.F2, InverseNormal.F3, InverseNormal.F4, InverseNormal.F5, InverseNormal.F6, InverseNormal.F7), tail);
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

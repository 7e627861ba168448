using System.Runtime.CompilerServices;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>
/// exp, log and sin/cos of whole turns, written once over <see cref="ISimdDouble{TSelf}"/> from exactly rounded
/// operations only (add, multiply, divide, fused multiply-add, compare, exponent bits). Every tier — 512-bit,
/// 256-bit and scalar — therefore gives the same bits for the same input, whichever code the JIT is running
/// (tier-0 or tier-1, precompiled or not) and whatever the CPU. The runtime's vector Exp/Log use multiply-add
/// estimates (fused in optimised code, not in tier-0 code), so their results changed while a process warmed up.
/// Accuracy: within 2 ulp of the correctly rounded result (checked against Math.Exp/Log/SinCos in the tests).
/// </summary>
internal static class ElementaryFunctions
{
    private const double RoundingShift = 6755399441055744.0; // 1.5·2⁵²: x + shift - shift rounds |x| < 2⁵¹ to nearest even
    private const double Log2E = 1.4426950408889634;
    private const double Ln2High = 0.6931471805599453;       // ln 2 to 53 bits
    private const double Ln2Low = 2.3190468138462996e-17;    // ln 2 − Ln2High
    private const double TwoPiHigh = 6.283185307179586;
    private const double TwoPiLow = 2.4492935982947064e-16;  // 2π − TwoPiHigh
    private const double Sqrt2 = 1.4142135623730951;
    private const double SmallestNormal = 2.2250738585072014e-308;

    // Horner coefficients, highest power first. They are Taylor coefficients rounded to double (1/n!, 2/(2k+1)), not a
    // minimax fit, so the degrees are a little higher than a libm's; each first omitted term is below 2⁻⁵⁷ of the result.
    // e^r = 1 + r·Q(r), Q(r) = Σ rⁿ⁻¹/n!, n = 13 … 1, for |r| ≤ ln2/2.
    private const double E13 = 1.6059043836821613e-10, E12 = 2.08767569878681e-09, E11 = 2.505210838544172e-08,
        E10 = 2.755731922398589e-07, E9 = 2.7557319223985893e-06, E8 = 2.48015873015873e-05, E7 = 0.0001984126984126984,
        E6 = 0.001388888888888889, E5 = 0.008333333333333333, E4 = 0.041666666666666664, E3 = 0.16666666666666666;

    // log(1+f) = 2s + s·R, s = f/(2+f), R = z·Σ 2zᵏ⁻¹/(2k+1), k = 1 … 11, z = s² ≤ 0.0295.
    private const double L11 = 0.08695652173913043, L10 = 0.09523809523809523, L9 = 0.10526315789473684,
        L8 = 0.11764705882352941, L7 = 0.13333333333333333, L6 = 0.15384615384615385, L5 = 0.18181818181818182,
        L4 = 0.2222222222222222, L3 = 0.2857142857142857, L2 = 0.4, L1 = 0.6666666666666666;

    // sin θ = θ + θz·S(z), cos θ = 1 + z·C(z), z = θ², |θ| ≤ π/4: the Taylor series to θ¹⁷ and θ¹⁶.
    private const double S8 = 2.8114572543455206e-15, S7 = -7.647163731819816e-13, S6 = 1.6059043836821613e-10,
        S5 = -2.505210838544172e-08, S4 = 2.7557319223985893e-06, S3 = -0.0001984126984126984, S2 = 0.008333333333333333,
        S1 = -0.16666666666666666;
    private const double C8 = 4.779477332387385e-14, C7 = -1.1470745597729725e-11, C6 = 2.08767569878681e-09,
        C5 = -2.755731922398589e-07, C4 = 2.48015873015873e-05, C3 = -0.001388888888888889, C2 = 0.041666666666666664,
        C1 = -0.5;

    /// <summary>e^x; +∞ above 709.78, 0 below −745.13, NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Exp<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var clamped = TVec.Min(TVec.Max(x, TVec.Broadcast(-746)), TVec.Broadcast(710));
        var k = RoundToEven(clamped * TVec.Broadcast(Log2E));
        var r = TVec.MultiplyAdd(k, TVec.Broadcast(-Ln2High), clamped);
        r = TVec.MultiplyAdd(k, TVec.Broadcast(-Ln2Low), r);
        var q = TVec.Broadcast(E13);
        q = Step(q, r, E12);
        q = Step(q, r, E11);
        q = Step(q, r, E10);
        q = Step(q, r, E9);
        q = Step(q, r, E8);
        q = Step(q, r, E7);
        q = Step(q, r, E6);
        q = Step(q, r, E5);
        q = Step(q, r, E4);
        q = Step(q, r, E3);
        q = Step(q, r, 0.5);
        q = Step(q, r, 1.0);
        var p = TVec.MultiplyAdd(q, r, TVec.Broadcast(1));
        return TVec.ScaleByPowerOfTwo(p, k);
    }

    /// <summary>ln x; −∞ at ±0, NaN below zero and for NaN, +∞ at +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Log<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0);
        var smallestNormal = TVec.Broadcast(SmallestNormal);
        var scaled = TVec.WhereGreater(smallestNormal, x, x * TVec.Broadcast(18014398509481984.0), x); // subnormals ·2⁵⁴
        var exponentShift = TVec.WhereGreater(smallestNormal, x, TVec.Broadcast(54), zero);
        var log = LogOfNormal(TVec.Max(scaled, smallestNormal), exponentShift);

        var result = TVec.WhereGreater(x, zero, log,
            TVec.WhereGreater(zero, x, TVec.Broadcast(double.NaN), TVec.Broadcast(double.NegativeInfinity)));
        result += x * zero; // NaN in, NaN out (and −∞ → NaN); +0 or −0 otherwise
        return TVec.WhereGreater(x, TVec.Broadcast(double.MaxValue), x, result);
    }

    /// <summary>
    /// ln x for positive normal finite x, the same bits as <see cref="Log{TVec}"/> there, without its special cases:
    /// what Box–Muller needs for uniforms in [2⁻⁵⁴, 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec LogOfPositiveNormal<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec> =>
        LogOfNormal(x, TVec.Broadcast(0));

    /// <summary>ln(x·2^−exponentShift) for positive normal finite x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec LogOfNormal<TVec>(TVec x, TVec exponentShift) where TVec : struct, ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0);
        var one = TVec.Broadcast(1);
        var (mantissa, exponent) = TVec.Decompose(x);
        exponent -= exponentShift;
        var large = TVec.WhereGreater(mantissa, TVec.Broadcast(Sqrt2), one, zero); // keep the mantissa in [√½, √2)
        mantissa = TVec.WhereGreater(large, zero, mantissa * TVec.Broadcast(0.5), mantissa);
        exponent += large;

        var f = mantissa - one;
        var s = f / (TVec.Broadcast(2) + f);
        var z = s * s;
        var r = TVec.Broadcast(L11);
        r = Step(r, z, L10);
        r = Step(r, z, L9);
        r = Step(r, z, L8);
        r = Step(r, z, L7);
        r = Step(r, z, L6);
        r = Step(r, z, L5);
        r = Step(r, z, L4);
        r = Step(r, z, L3);
        r = Step(r, z, L2);
        r = Step(r, z, L1);
        r *= z;
        var halfSquare = TVec.Broadcast(0.5) * f * f;
        var low = TVec.MultiplyAdd(s, halfSquare + r, exponent * TVec.Broadcast(Ln2Low));
        return TVec.MultiplyAdd(exponent, TVec.Broadcast(Ln2High), f - (halfSquare - low));
    }

    /// <summary>(sin 2πt, cos 2πt): the argument in whole turns, so the reduction to an octant is exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVec Sin, TVec Cos) SinCosOfTurns<TVec>(TVec turns) where TVec : struct, ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0);
        var one = TVec.Broadcast(1);
        var quarter = RoundToEven(turns * TVec.Broadcast(4));
        var fraction = TVec.MultiplyAdd(quarter, TVec.Broadcast(-0.25), turns); // in [−⅛, ⅛], exact
        var theta = TVec.MultiplyAdd(fraction, TVec.Broadcast(TwoPiHigh), fraction * TVec.Broadcast(TwoPiLow));
        var z = theta * theta;
        var sinSeries = TVec.Broadcast(S8);
        sinSeries = Step(sinSeries, z, S7);
        sinSeries = Step(sinSeries, z, S6);
        sinSeries = Step(sinSeries, z, S5);
        sinSeries = Step(sinSeries, z, S4);
        sinSeries = Step(sinSeries, z, S3);
        sinSeries = Step(sinSeries, z, S2);
        sinSeries = Step(sinSeries, z, S1);
        var cosSeries = TVec.Broadcast(C8);
        cosSeries = Step(cosSeries, z, C7);
        cosSeries = Step(cosSeries, z, C6);
        cosSeries = Step(cosSeries, z, C5);
        cosSeries = Step(cosSeries, z, C4);
        cosSeries = Step(cosSeries, z, C3);
        cosSeries = Step(cosSeries, z, C2);
        cosSeries = Step(cosSeries, z, C1);
        var sin = TVec.MultiplyAdd(theta * z, sinSeries, theta);
        var cos = TVec.MultiplyAdd(z, cosSeries, one);

        var quadrant = quarter - TVec.Broadcast(4) * Floor(quarter * TVec.Broadcast(0.25)); // 0, 1, 2 or 3
        var odd = TVec.WhereGreater(quadrant, TVec.Broadcast(0.5), one, zero) - TVec.WhereGreater(quadrant, TVec.Broadcast(1.5), one, zero)
                  + TVec.WhereGreater(quadrant, TVec.Broadcast(2.5), one, zero);
        var sign = TVec.WhereGreater(quadrant, TVec.Broadcast(1.5), TVec.Broadcast(-1), one);
        var sinOut = TVec.WhereGreater(odd, zero, cos, sin);
        var cosOut = TVec.WhereGreater(odd, zero, zero - sin, cos);
        return (sign * sinOut, sign * cosOut);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVec RoundToEven<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var shift = TVec.Broadcast(RoundingShift);
        return x + shift - shift;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVec Floor<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var rounded = RoundToEven(x);
        return rounded - TVec.WhereGreater(rounded, x, TVec.Broadcast(1), TVec.Broadcast(0));
    }

    /// <summary>One step of Horner's rule, sum·x + c with one rounding (the polynomials are unrolled: loops over
    /// coefficient arrays ran five times slower).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Step<TVec>(TVec sum, TVec x, double c) where TVec : struct, ISimdDouble<TVec> =>
        TVec.MultiplyAdd(sum, x, TVec.Broadcast(c));
}

/// <summary>
/// Bit patterns for <see cref="ISimdDouble{TSelf}.PowerOfTwo"/> and <see cref="ISimdDouble{TSelf}.Decompose"/>:
/// adding 2⁵² + 1023 to a small integer puts its biased exponent in the low mantissa bits, exactly.
/// </summary>
internal static class ExponentBits
{
    public const double BiasedShift = 4503599627371519.0; // 2⁵² + 1023
    public const ulong ShiftBits = 0x4330_0000_0000_0000;  // the bits of 2⁵²
    public const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFF;
    public const ulong OneBits = 0x3FF0_0000_0000_0000;    // the bits of 1.0

    /// <summary>
    /// value·2ⁿ as value·2^⌊n/2⌉·2^(n−⌊n/2⌉): each factor a normal power of two, so results near overflow and in the
    /// subnormal range scale right; the first product is exact, the second rounds once, as vscalefpd does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec ScaleInTwoFactors<TVec>(TVec value, TVec integral) where TVec : struct, ISimdDouble<TVec>
    {
        var half = ElementaryFunctions.RoundToEven(integral * TVec.Broadcast(0.5));
        return value * TVec.PowerOfTwo(half) * TVec.PowerOfTwo(integral - half);
    }
}

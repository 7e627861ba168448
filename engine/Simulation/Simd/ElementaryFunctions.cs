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

    // e^r = 1 + r·Q(r), Q(r) = Σ rⁿ⁻¹/n!, n = 13 … 1 (|r| ≤ ln2/2: the first omitted term is below 2⁻⁵⁸ of the result).
    private static readonly double[] ExpCoefficients = [.. Enumerable.Range(1, 13).Reverse().Select(n => 1 / Factorial(n))];

    // log(1+f) = 2s + s·R(s²), s = f/(2+f): R(z) = z·(2/3 + z·(2/5 + …)), 11 terms for s² ≤ 0.0295.
    private static readonly double[] LogCoefficients = [.. Enumerable.Range(1, 11).Reverse().Select(k => 2.0 / (2 * k + 1))];

    // sin θ = θ·(1 + z·S(z)), cos θ = 1 + z·C(z), z = θ², |θ| ≤ π/4: Taylor series to θ¹⁷ and θ¹⁶.
    private static readonly double[] SinCoefficients = [.. Enumerable.Range(1, 8).Reverse().Select(k => Sign(k) / Factorial(2 * k + 1))];
    private static readonly double[] CosCoefficients = [.. Enumerable.Range(1, 8).Reverse().Select(k => Sign(k) / Factorial(2 * k))];

    /// <summary>e^x; +∞ above 709.78, 0 below −745.13, NaN for NaN.</summary>
    public static TVec Exp<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var clamped = TVec.Min(TVec.Max(x, TVec.Broadcast(-746)), TVec.Broadcast(710));
        var k = RoundToEven(clamped * TVec.Broadcast(Log2E));
        var r = TVec.MultiplyAdd(k, TVec.Broadcast(-Ln2High), clamped);
        r = TVec.MultiplyAdd(k, TVec.Broadcast(-Ln2Low), r);
        var p = TVec.MultiplyAdd(Polynomial(ExpCoefficients, r), r, TVec.Broadcast(1));
        // 2^k in two factors, each a normal power of two, so results near overflow and in the subnormal range scale right.
        var half = RoundToEven(k * TVec.Broadcast(0.5));
        return p * TVec.PowerOfTwo(half) * TVec.PowerOfTwo(k - half);
    }

    /// <summary>ln x; −∞ at ±0, NaN below zero and for NaN, +∞ at +∞.</summary>
    public static TVec Log<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0);
        var one = TVec.Broadcast(1);
        var smallestNormal = TVec.Broadcast(SmallestNormal);
        var scaled = TVec.WhereGreater(smallestNormal, x, x * TVec.Broadcast(18014398509481984.0), x); // subnormals ·2⁵⁴
        var (mantissa, exponent) = TVec.Decompose(TVec.Max(scaled, smallestNormal));
        exponent -= TVec.WhereGreater(smallestNormal, x, TVec.Broadcast(54), zero);
        var large = TVec.WhereGreater(mantissa, TVec.Broadcast(Sqrt2), one, zero); // keep the mantissa in [√½, √2)
        mantissa = TVec.WhereGreater(large, zero, mantissa * TVec.Broadcast(0.5), mantissa);
        exponent += large;

        var f = mantissa - one;
        var s = f / (TVec.Broadcast(2) + f);
        var z = s * s;
        var r = Polynomial(LogCoefficients, z) * z;
        var halfSquare = TVec.Broadcast(0.5) * f * f;
        var low = TVec.MultiplyAdd(s, halfSquare + r, exponent * TVec.Broadcast(Ln2Low));
        var log = TVec.MultiplyAdd(exponent, TVec.Broadcast(Ln2High), f - (halfSquare - low));

        var result = TVec.WhereGreater(x, zero, log,
            TVec.WhereGreater(zero, x, TVec.Broadcast(double.NaN), TVec.Broadcast(double.NegativeInfinity)));
        result += x * zero; // NaN in, NaN out (and −∞ → NaN); +0 or −0 otherwise
        return TVec.WhereGreater(x, TVec.Broadcast(double.MaxValue), x, result);
    }

    /// <summary>(sin 2πt, cos 2πt): the argument in whole turns, so the reduction to an octant is exact.</summary>
    public static (TVec Sin, TVec Cos) SinCosOfTurns<TVec>(TVec turns) where TVec : struct, ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0);
        var one = TVec.Broadcast(1);
        var quarter = RoundToEven(turns * TVec.Broadcast(4));
        var fraction = TVec.MultiplyAdd(quarter, TVec.Broadcast(-0.25), turns); // in [−⅛, ⅛], exact
        var theta = TVec.MultiplyAdd(fraction, TVec.Broadcast(TwoPiHigh), fraction * TVec.Broadcast(TwoPiLow));
        var z = theta * theta;
        var sin = TVec.MultiplyAdd(theta * z, Polynomial(SinCoefficients, z), theta);
        var cos = TVec.MultiplyAdd(z, Polynomial(CosCoefficients, z), one);

        var quadrant = quarter - TVec.Broadcast(4) * Floor(quarter * TVec.Broadcast(0.25)); // 0, 1, 2 or 3
        var odd = TVec.WhereGreater(quadrant, TVec.Broadcast(0.5), one, zero) - TVec.WhereGreater(quadrant, TVec.Broadcast(1.5), one, zero)
                  + TVec.WhereGreater(quadrant, TVec.Broadcast(2.5), one, zero);
        var sign = TVec.WhereGreater(quadrant, TVec.Broadcast(1.5), TVec.Broadcast(-1), one);
        var sinOut = TVec.WhereGreater(odd, zero, cos, sin);
        var cosOut = TVec.WhereGreater(odd, zero, zero - sin, cos);
        return (sign * sinOut, sign * cosOut);
    }

    private static TVec RoundToEven<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var shift = TVec.Broadcast(RoundingShift);
        return x + shift - shift;
    }

    private static TVec Floor<TVec>(TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var rounded = RoundToEven(x);
        return rounded - TVec.WhereGreater(rounded, x, TVec.Broadcast(1), TVec.Broadcast(0));
    }

    /// <summary>Horner's rule with one rounding per step; coefficients from the highest power down.</summary>
    private static TVec Polynomial<TVec>(double[] coefficients, TVec x) where TVec : struct, ISimdDouble<TVec>
    {
        var sum = TVec.Broadcast(coefficients[0]);
        for (int i = 1; i < coefficients.Length; i++) sum = TVec.MultiplyAdd(sum, x, TVec.Broadcast(coefficients[i]));
        return sum;
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    private static double Sign(int k) => k % 2 == 0 ? 1 : -1;
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
}

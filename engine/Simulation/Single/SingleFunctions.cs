using System.Runtime.CompilerServices;

namespace CarbonDerivatives.Engine.Simulation.Single;

/// <summary>
/// exp, ln (of positive normal floats) and sin/cos of whole turns in single precision over <see cref="ISimdSingle{TSelf}"/>,
/// built as <see cref="Simd.ElementaryFunctions"/> is (the same reductions, shorter Taylor series) from exactly rounded
/// operations only, so every tier gives the same bits. Within 2 ulp of the correctly rounded float (checked against
/// the double-precision functions in the tests). What a single-precision path needs, not a general libm: exp clamps its
/// argument to [−87, 88] (results from 1.6e-38 to 1.7e38), ln takes positive normal floats.
/// </summary>
internal static class SingleFunctions
{
    private const float RoundingShift = 12582912f; // 1.5·2²³: x + shift − shift rounds |x| < 2²² to nearest even
    private const float Log2E = 1.4426950216293335f;
    private const float Ln2High = 0.6931471824645996f;
    private const float Ln2Low = -1.9046542121259336e-09f;  // ln 2 − Ln2High
    private const float TwoPiHigh = 6.2831854820251465f;
    private const float TwoPiLow = -1.7484555314695172e-07f; // 2π − TwoPiHigh
    private const float Sqrt2 = 1.4142135381698608f;

    // Taylor coefficients rounded to float; each first omitted term is below 2⁻²⁶ of the result.
    // e^r = 1 + r·Q(r), Q(r) = Σ rⁿ⁻¹/n!, n = 7 … 1, for |r| ≤ ln2/2.
    private const float E7 = 0.00019841270113829523f, E6 = 0.0013888889225199819f, E5 = 0.008333333767950535f,
        E4 = 0.0416666679084301f, E3 = 0.1666666716337204f;

    // log(1+f) = 2s + s·R, s = f/(2+f), R = z·Σ 2zᵏ⁻¹/(2k+1), k = 1 … 5, z = s² ≤ 0.0295.
    private const float L5 = 0.1818181872367859f, L4 = 0.2222222238779068f, L3 = 0.2857142984867096f, L2 = 0.4000000059604645f,
        L1 = 0.6666666865348816f;

    // sin θ = θ + θz·S(z), cos θ = 1 + z·C(z), z = θ², |θ| ≤ π/4: the Taylor series to θ⁹ and θ¹⁰.
    private const float S4 = 2.7557318844628753e-06f, S3 = -0.00019841270113829523f, S2 = 0.008333333767950535f, S1 = -0.1666666716337204f;
    private const float C5 = -2.755731998149713e-07f, C4 = 2.4801587642286904e-05f, C3 = -0.0013888889225199819f, C2 = 0.0416666679084301f,
        C1 = -0.5f;

    /// <summary>e^x for x clamped to [−87, 88].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Exp<TVec>(TVec x) where TVec : struct, ISimdSingle<TVec>
    {
        var clamped = TVec.Min(TVec.Max(x, TVec.Broadcast(-87f)), TVec.Broadcast(88f));
        var k = RoundToEven(clamped * TVec.Broadcast(Log2E));
        var r = TVec.MultiplyAdd(k, TVec.Broadcast(-Ln2High), clamped);
        r = TVec.MultiplyAdd(k, TVec.Broadcast(-Ln2Low), r);
        var q = TVec.Broadcast(E7);
        q = Step(q, r, E6);
        q = Step(q, r, E5);
        q = Step(q, r, E4);
        q = Step(q, r, E3);
        q = Step(q, r, 0.5f);
        q = Step(q, r, 1f);
        return TVec.MultiplyAdd(q, r, TVec.Broadcast(1f)) * TVec.PowerOfTwo(k);
    }

    /// <summary>ln x for positive normal finite x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec LogOfPositiveNormal<TVec>(TVec x) where TVec : struct, ISimdSingle<TVec>
    {
        var zero = TVec.Broadcast(0f);
        var one = TVec.Broadcast(1f);
        var (mantissa, exponent) = TVec.Decompose(x);
        var large = TVec.WhereGreater(mantissa, TVec.Broadcast(Sqrt2), one, zero); // keep the mantissa in [√½, √2)
        mantissa = TVec.WhereGreater(large, zero, mantissa * TVec.Broadcast(0.5f), mantissa);
        exponent += large;

        var f = mantissa - one;
        var s = f / (TVec.Broadcast(2f) + f);
        var z = s * s;
        var r = TVec.Broadcast(L5);
        r = Step(r, z, L4);
        r = Step(r, z, L3);
        r = Step(r, z, L2);
        r = Step(r, z, L1);
        r *= z;
        var halfSquare = TVec.Broadcast(0.5f) * f * f;
        var low = TVec.MultiplyAdd(s, halfSquare + r, exponent * TVec.Broadcast(Ln2Low));
        return TVec.MultiplyAdd(exponent, TVec.Broadcast(Ln2High), f - (halfSquare - low));
    }

    /// <summary>(sin 2πt, cos 2πt): the argument in whole turns, so the reduction to an octant is exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVec Sin, TVec Cos) SinCosOfTurns<TVec>(TVec turns) where TVec : struct, ISimdSingle<TVec>
    {
        var zero = TVec.Broadcast(0f);
        var one = TVec.Broadcast(1f);
        var quarter = RoundToEven(turns * TVec.Broadcast(4f));
        var fraction = TVec.MultiplyAdd(quarter, TVec.Broadcast(-0.25f), turns); // in [−⅛, ⅛], exact
        var theta = TVec.MultiplyAdd(fraction, TVec.Broadcast(TwoPiHigh), fraction * TVec.Broadcast(TwoPiLow));
        var z = theta * theta;
        var sinSeries = TVec.Broadcast(S4);
        sinSeries = Step(sinSeries, z, S3);
        sinSeries = Step(sinSeries, z, S2);
        sinSeries = Step(sinSeries, z, S1);
        var cosSeries = TVec.Broadcast(C5);
        cosSeries = Step(cosSeries, z, C4);
        cosSeries = Step(cosSeries, z, C3);
        cosSeries = Step(cosSeries, z, C2);
        cosSeries = Step(cosSeries, z, C1);
        var sin = TVec.MultiplyAdd(theta * z, sinSeries, theta);
        var cos = TVec.MultiplyAdd(z, cosSeries, one);

        var quadrant = quarter - TVec.Broadcast(4f) * Floor(quarter * TVec.Broadcast(0.25f)); // 0, 1, 2 or 3
        var odd = TVec.WhereGreater(quadrant, TVec.Broadcast(0.5f), one, zero) - TVec.WhereGreater(quadrant, TVec.Broadcast(1.5f), one, zero)
                  + TVec.WhereGreater(quadrant, TVec.Broadcast(2.5f), one, zero);
        var sign = TVec.WhereGreater(quadrant, TVec.Broadcast(1.5f), TVec.Broadcast(-1f), one);
        var sinOut = TVec.WhereGreater(odd, zero, cos, sin);
        var cosOut = TVec.WhereGreater(odd, zero, zero - sin, cos);
        return (sign * sinOut, sign * cosOut);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec RoundToEven<TVec>(TVec x) where TVec : struct, ISimdSingle<TVec>
    {
        var shift = TVec.Broadcast(RoundingShift);
        return x + shift - shift;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Floor<TVec>(TVec x) where TVec : struct, ISimdSingle<TVec>
    {
        var rounded = RoundToEven(x);
        return rounded - TVec.WhereGreater(rounded, x, TVec.Broadcast(1f), TVec.Broadcast(0f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Step<TVec>(TVec sum, TVec x, float c) where TVec : struct, ISimdSingle<TVec> =>
        TVec.MultiplyAdd(sum, x, TVec.Broadcast(c));
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Sums whose bits do not depend on the CPU: element i goes to lane i mod 4, the lanes are added in the order
/// ((l0 + l1) + (l2 + l3)), then the tail. With AVX2 or AVX-512 the lanes are one Vector256; without, four scalars
/// doing the same additions in the same order (only adds and multiplies, never a fused multiply-add).
/// </summary>
internal static class FourLaneSum
{
    /// <summary>Σ values.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        int i = 0, n = values.Length;
        double l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            var acc = Vector256<double>.Zero;
            for (; i <= n - 4; i += 4) acc += Vector256.LoadUnsafe(ref start, (nuint)i);
            (l0, l1, l2, l3) = (acc[0], acc[1], acc[2], acc[3]);
        }
        else
        {
            for (; i <= n - 4; i += 4)
            {
                l0 += values[i];
                l1 += values[i + 1];
                l2 += values[i + 2];
                l3 += values[i + 3];
            }
        }
        return Combine(l0, l1, l2, l3, values[i..], 0, square: false);
    }

    /// <summary>Σ (values − mean)².</summary>
    public static double SumOfSquaredDeviations(ReadOnlySpan<double> values, double mean)
    {
        int i = 0, n = values.Length;
        double l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            var m = Vector256.Create(mean);
            var acc = Vector256<double>.Zero;
            for (; i <= n - 4; i += 4)
            {
                var d = Vector256.LoadUnsafe(ref start, (nuint)i) - m;
                acc += d * d;
            }
            (l0, l1, l2, l3) = (acc[0], acc[1], acc[2], acc[3]);
        }
        else
        {
            for (; i <= n - 4; i += 4)
            {
                l0 += Square(values[i] - mean);
                l1 += Square(values[i + 1] - mean);
                l2 += Square(values[i + 2] - mean);
                l3 += Square(values[i + 3] - mean);
            }
        }
        return Combine(l0, l1, l2, l3, values[i..], mean, square: true);
    }

    private static double Combine(double l0, double l1, double l2, double l3, ReadOnlySpan<double> tail, double mean, bool square)
    {
        double total = (l0 + l1) + (l2 + l3);
        foreach (double v in tail) total += square ? Square(v - mean) : v;
        return total;
    }

    // Not inlined into an FMA: the JIT does not contract a multiply and an add on its own.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Square(double x) => x * x;
}

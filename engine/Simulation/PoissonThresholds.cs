using System.Runtime.CompilerServices;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>Cumulative Poisson probabilities used to draw jump counts by inversion.</summary>
internal static class PoissonThresholds
{
    /// <summary>Mass left beyond the last threshold; below double resolution of a uniform in (0,1).</summary>
    private const double TailMass = 1e-17;

    /// <summary>
    /// F(0), F(1), ..., F(K-1) of Poisson(<paramref name="mean"/>) where F(K-1) ≥ 1 − 1e-17 (or K = 512);
    /// counting thresholds below a uniform then gives an exact Poisson draw up to that tail.
    /// </summary>
    public static double[] Cdf(double mean)
    {
        if (mean <= 0) return [];
        var cdf = new List<double>();
        double term = Math.Exp(-mean), sum = term;
        for (int k = 0; k < 512; k++)
        {
            cdf.Add(sum);
            if (1 - sum < TailMass && k >= mean) break;
            term *= mean / (k + 1);
            sum += term;
        }
        return cdf.ToArray();
    }

    /// <summary>
    /// N = #{k : u &gt; F(k)} in each element. F increases, so the count stops at the first threshold no element
    /// exceeds: a vector in which no path jumps (most of them, on a daily step) costs one comparison, not one per threshold.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Count<TVec>(TVec uniform, ReadOnlySpan<double> cdf) where TVec : struct, ISimdDouble<TVec>
    {
        var count = TVec.Broadcast(0);
        foreach (double value in cdf)
        {
            var threshold = TVec.Broadcast(value);
            if (!TVec.AnyGreater(uniform, threshold)) break;
            count += TVec.OneWhereGreater(uniform, threshold);
        }
        return count;
    }

    /// <summary>√N of a count: the square root (slow on wide vectors) only where some element has N ≥ 2; √0 and √1 are exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec SquareRootOfCount<TVec>(TVec count) where TVec : struct, ISimdDouble<TVec> =>
        TVec.AnyGreater(count, TVec.Broadcast(1)) ? TVec.Sqrt(count) : count;
}

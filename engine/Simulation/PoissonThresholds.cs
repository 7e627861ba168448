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
    /// N = #{k : u &gt; F(k)} in each element, and the ends of the interval (F(N − 1), F(N)] that holds u (F(−1) = 0,
    /// F(K) = 1). F increases, so the count stops at the first threshold no element exceeds: a vector in which no
    /// path jumps (most of them, on a daily step) costs one comparison, not one per threshold.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Count<TVec>(TVec uniform, ReadOnlySpan<double> cdf, out TVec lower, out TVec upper) where TVec : struct, ISimdDouble<TVec>
    {
        var count = TVec.Broadcast(0);
        lower = count;
        upper = TVec.Broadcast(cdf[0]);
        for (int k = 0; k < cdf.Length; k++)
        {
            var threshold = TVec.Broadcast(cdf[k]);
            if (!TVec.AnyGreater(uniform, threshold)) break;
            count += TVec.OneWhereGreater(uniform, threshold);
            lower = TVec.WhereGreater(uniform, threshold, threshold, lower);
            upper = TVec.WhereGreater(uniform, threshold, TVec.Broadcast(k + 1 < cdf.Length ? cdf[k + 1] : 1.0), upper);
        }
        return count;
    }

    /// <summary>
    /// x + N·μ + √N·σ·z, the sum of N normal log-jumps N(μ, σ²) added to x, with z = Φ⁻¹(v) drawn from the same
    /// uniform u that gave N: given N, v = (u − F(N − 1)) / (F(N) − F(N − 1)) is uniform and independent of N, so one
    /// uniform per path and step gives both the count and the size (no jump normals drawn for the paths that do not
    /// jump). v has about 53 + log₂ P(N) bits: z reaches ±8 standard deviations on a daily step. A vector in which no
    /// path jumps (most of them, on a daily step) is returned as it is, without the inverse CDF.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec AddJumps<TVec>(TVec x, TVec count, TVec uniform, TVec lower, TVec upper, double jumpMean, double jumpVolatility)
        where TVec : struct, ISimdDouble<TVec>
    {
        if (!TVec.AnyGreater(count, TVec.Broadcast(0))) return x;
        var conditional = TVec.Min((uniform - lower) / (upper - lower), TVec.Broadcast(BelowOne)); // u = F(N) gives 1
        // Paths without a jump take v = ½ (z = 0): their own v would send most jumping vectors down the tails' branch.
        var z = InverseNormalCdf.Inverse(TVec.WhereGreater(count, TVec.Broadcast(0), conditional, TVec.Broadcast(0.5)));
        var spread = SquareRootOfCount(count) * TVec.Broadcast(jumpVolatility);
        return TVec.MultiplyAdd(count, TVec.Broadcast(jumpMean), TVec.MultiplyAdd(z, spread, x));
    }

    /// <summary>The largest double below 1.</summary>
    private const double BelowOne = 1 - 1.0 / (1L << 53);

    /// <summary>√N of a count: the square root (slow on wide vectors) only where some element has N ≥ 2; √0 and √1 are exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec SquareRootOfCount<TVec>(TVec count) where TVec : struct, ISimdDouble<TVec> =>
        TVec.AnyGreater(count, TVec.Broadcast(1)) ? TVec.Sqrt(count) : count;
}

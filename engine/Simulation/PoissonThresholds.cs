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
}

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Turns merged sample moments into an estimate with its standard error: the sample mean (adjusted by a control
/// variate when one is given), or for randomised quasi-Monte Carlo the mean of the replicates' estimates with
/// the SE from their spread.
/// </summary>
internal static class MomentEstimator
{
    /// <param name="replicates">Merged moments of each replicate (one for pseudo-random paths).</param>
    /// <param name="controlMean">E[X] when adjusting by the control variate; null for the plain mean.</param>
    /// <param name="paths">Paths simulated, mirrors included.</param>
    /// <param name="steps">Time steps per path.</param>
    /// <param name="elapsed">Wall time of the simulation.</param>
    public static MonteCarloEstimate Estimate(IReadOnlyList<SampleMoments> replicates, double? controlMean, long paths, int steps, TimeSpan elapsed)
    {
        var all = replicates.Aggregate(default(SampleMoments), (total, r) => total.Merge(r));
        double? beta = controlMean is null ? null : all.Beta;
        double Adjusted(SampleMoments m) => beta is { } b ? m.MeanY - b * (m.MeanX - controlMean!.Value) : m.MeanY;

        if (replicates.Count == 1)
        {
            double variance = beta is null ? all.VarianceY : all.ResidualVariance;
            double reduction = variance > 0 ? all.VarianceY / variance : 1;
            return new MonteCarloEstimate(Adjusted(all), all.Count > 0 ? Math.Sqrt(variance / all.Count) : 0, paths, steps, beta, reduction, elapsed);
        }

        var estimates = replicates.Select(Adjusted).ToArray();
        var plain = replicates.Select(m => m.MeanY).ToArray();
        double value = estimates.Average();
        double spread = SampleVariance(estimates);
        double plainSpread = SampleVariance(plain);
        return new MonteCarloEstimate(value, Math.Sqrt(spread / estimates.Length), paths, steps, beta,
            spread > 0 ? plainSpread / spread : 1, elapsed);
    }

    private static double SampleVariance(double[] values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}

using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// VaR and ES from scenario P&amp;L, with standard errors: batch means for Monte Carlo scenarios, a moving-block
/// bootstrap for historical windows.
/// </summary>
internal static class LossQuantiles
{
    /// <summary>Batches for the Monte Carlo SE: VaR/ES of each batch are i.i.d. estimates.</summary>
    public const int Batches = 20;

    /// <summary>Bootstrap resamples for the historical SE: the SE itself is then known to about ±5% (1/√(2B)).</summary>
    public const int BootstrapResamples = 200;

    /// <summary>Seed of the bootstrap's block starts: fixed, so the same history always gives the same SE.</summary>
    public const ulong BootstrapSeed = 0x4849_5354_5641_52UL; // "HISTVAR"

    /// <summary>(VaR, ES) of the losses −pnl at <paramref name="confidence"/>: the k-th largest loss and the mean of the k largest, k = ⌈n(1−α)⌉.</summary>
    public static (double VaR, double ES) Of(ReadOnlySpan<double> pnl, double confidence)
    {
        var sorted = pnl.ToArray();
        Array.Sort(sorted); // ascending P&L: the largest losses first
        return OfSorted(sorted, confidence);
    }

    private static (double VaR, double ES) OfSorted(ReadOnlySpan<double> sorted, double confidence)
    {
        int k = Math.Clamp((int)Math.Ceiling(sorted.Length * (1 - confidence) - 1e-9), 1, sorted.Length);
        double tail = 0;
        for (int i = 0; i < k; i++) tail += sorted[i];
        return (-sorted[k - 1], -tail / k);
    }

    /// <summary>Figures of Monte Carlo scenarios at each confidence; SEs from <see cref="Batches"/> contiguous batches.</summary>
    public static ImmutableArray<VarFigure> Figures(double[] pnl, IReadOnlyList<double> confidences)
    {
        var figures = ImmutableArray.CreateBuilder<VarFigure>(confidences.Count);
        int size = pnl.Length / Batches;
        foreach (double confidence in confidences)
        {
            var (var, es) = Of(pnl, confidence);
            var batches = Enumerable.Range(0, Batches).Select(b => Of(pnl.AsSpan(b * size, size), confidence)).ToArray();
            figures.Add(new VarFigure(confidence, var, StandardErrorOfMean(batches.Select(b => b.VaR).ToArray()), es,
                StandardErrorOfMean(batches.Select(b => b.ES).ToArray())));
        }
        return figures.MoveToImmutable();
    }

    /// <summary>
    /// Figures of a historical P&amp;L series (one value per overlapping window of <paramref name="horizonDays"/> days, in
    /// date order), each SE the spread of the estimate over <see cref="BootstrapResamples"/> circular moving-block
    /// bootstrap resamples (Künsch 1989; Politis &amp; Romano 1992). Blocks are max(4h, ⌈n^⅓⌉) windows long: 4h keeps
    /// 11/12 of the covariance that the overlap of h-day windows creates, n^⅓ is the usual block rate and keeps
    /// short-range volatility clustering. The SE measures the sampling error of a history of this length; it says
    /// nothing of whether the past is a fair sample of the future.
    /// </summary>
    public static ImmutableArray<VarFigure> BootstrapFigures(double[] pnl, IReadOnlyList<double> confidences, int horizonDays)
    {
        int n = pnl.Length;
        int block = Math.Min(n, Math.Max(4 * horizonDays, (int)Math.Ceiling(Math.Cbrt(n))));
        var valuesAtRisk = new double[confidences.Count, BootstrapResamples];
        var shortfalls = new double[confidences.Count, BootstrapResamples];
        var sample = new double[n];
        ulong draw = 0;
        for (int r = 0; r < BootstrapResamples; r++)
        {
            for (int filled = 0; filled < n; filled += block)
            {
                int start = (int)Math.BigMul(Simulation.SplitMix64.At(BootstrapSeed, draw++), (ulong)n, out _); // uniform in [0, n)
                for (int j = 0; j < block && filled + j < n; j++) sample[filled + j] = pnl[(start + j) % n];
            }
            Array.Sort(sample);
            for (int c = 0; c < confidences.Count; c++) (valuesAtRisk[c, r], shortfalls[c, r]) = OfSorted(sample, confidences[c]);
        }
        var figures = ImmutableArray.CreateBuilder<VarFigure>(confidences.Count);
        for (int c = 0; c < confidences.Count; c++)
        {
            var (value, shortfall) = Of(pnl, confidences[c]);
            figures.Add(new VarFigure(confidences[c], value, StandardDeviation(valuesAtRisk, c), shortfall, StandardDeviation(shortfalls, c)));
        }
        return figures.MoveToImmutable();
    }

    private static double StandardDeviation(double[,] estimates, int row)
    {
        int count = estimates.GetLength(1);
        double mean = 0, squares = 0;
        for (int i = 0; i < count; i++) mean += estimates[row, i] / count;
        for (int i = 0; i < count; i++) squares += (estimates[row, i] - mean) * (estimates[row, i] - mean);
        return Math.Sqrt(squares / (count - 1));
    }

    /// <summary>Batch estimates are of n/B paths each, so the full-sample SE is their spread / √B.</summary>
    private static double StandardErrorOfMean(double[] estimates)
    {
        double mean = estimates.Average();
        return Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Length - 1) / estimates.Length);
    }
}

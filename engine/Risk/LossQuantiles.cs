using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>VaR and ES from scenario P&amp;L, with batch-means standard errors.</summary>
internal static class LossQuantiles
{
    /// <summary>Batches for the Monte Carlo SE: VaR/ES of each batch are i.i.d. estimates.</summary>
    public const int Batches = 20;

    /// <summary>(VaR, ES) of the losses −pnl at <paramref name="confidence"/>: the k-th largest loss and the mean of the k largest, k = ⌈n(1−α)⌉.</summary>
    public static (double VaR, double ES) Of(ReadOnlySpan<double> pnl, double confidence)
    {
        var sorted = pnl.ToArray();
        Array.Sort(sorted); // ascending P&L: the largest losses first
        int k = Math.Clamp((int)Math.Ceiling(sorted.Length * (1 - confidence) - 1e-9), 1, sorted.Length);
        double tail = 0;
        for (int i = 0; i < k; i++) tail += sorted[i];
        return (-sorted[k - 1], -tail / k);
    }

    /// <summary>Figures at each confidence; SEs from <see cref="Batches"/> contiguous batches when <paramref name="sampled"/>.</summary>
    public static ImmutableArray<VarFigure> Figures(double[] pnl, IReadOnlyList<double> confidences, bool sampled)
    {
        var figures = ImmutableArray.CreateBuilder<VarFigure>(confidences.Count);
        foreach (double confidence in confidences)
        {
            var (var, es) = Of(pnl, confidence);
            double varSe = 0, esSe = 0;
            if (sampled)
            {
                int size = pnl.Length / Batches;
                var batches = Enumerable.Range(0, Batches).Select(b => Of(pnl.AsSpan(b * size, size), confidence)).ToArray();
                varSe = StandardErrorOfMean(batches.Select(b => b.VaR).ToArray());
                esSe = StandardErrorOfMean(batches.Select(b => b.ES).ToArray());
            }
            figures.Add(new VarFigure(confidence, var, varSe, es, esSe));
        }
        return figures.MoveToImmutable();
    }

    /// <summary>Batch estimates are of n/B paths each, so the full-sample SE is their spread / √B.</summary>
    private static double StandardErrorOfMean(double[] estimates)
    {
        double mean = estimates.Average();
        return Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Length - 1) / estimates.Length);
    }
}

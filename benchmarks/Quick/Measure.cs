using System.Diagnostics;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>Runs an action several times after a warm-up and reports the median wall time.</summary>
public static class Measure
{
    // Long enough for the tiered JIT to replace the first (unoptimised) code of the hot loops.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.5);

    public static double MedianSeconds(int runs, Action action)
    {
        var warmUp = Stopwatch.StartNew();
        do action(); while (warmUp.Elapsed < WarmUp);
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return runs % 2 == 1 ? times[runs / 2] : 0.5 * (times[runs / 2 - 1] + times[runs / 2]);
    }
}

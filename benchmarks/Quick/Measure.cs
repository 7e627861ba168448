using System.Diagnostics;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>Runs an action several times after one warm-up and reports the median wall time.</summary>
public static class Measure
{
    public static double MedianSeconds(int runs, Action action)
    {
        action(); // warm-up: JIT tiering, caches, thread pool
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

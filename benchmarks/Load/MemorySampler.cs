using System.Diagnostics;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>
/// Samples a process's working set and private memory every few seconds until stopped. The server's
/// GC heap is not visible from outside the process without diagnostics tooling, so it is not sampled.
/// </summary>
public sealed class MemorySampler(Process process, TimeSpan interval)
{
    private readonly List<MemorySample> _samples = [];

    public IReadOnlyList<MemorySample> Samples => _samples;

    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(interval);
        do
        {
            process.Refresh();
            if (process.HasExited) return;
            _samples.Add(new MemorySample(clock.Elapsed.TotalSeconds, process.WorkingSet64, process.PrivateMemorySize64));
        }
        while (await Ticked(timer, stop));
    }

    private static async Task<bool> Ticked(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>One memory sample: seconds since sampling began, working set and private bytes.</summary>
public sealed record MemorySample(double Seconds, long WorkingSetBytes, long PrivateBytes);

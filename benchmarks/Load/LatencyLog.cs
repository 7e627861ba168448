using System.Diagnostics;
using Grpc.Core;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>
/// One client's record of measured calls: latencies of successful calls (Stopwatch ticks) and counts
/// of failures by status code. Not thread-safe: one per client, merged at the end.
/// </summary>
public sealed class LatencyLog
{
    private readonly List<long> _ticks = new(capacity: 1 << 16);
    private readonly Dictionary<StatusCode, long> _errors = [];

    public void Success(long ticks) => _ticks.Add(ticks);

    public void Failure(StatusCode code) => _errors[code] = _errors.GetValueOrDefault(code) + 1;

    /// <summary>All clients' logs as one summary.</summary>
    public static LatencySummary Merge(IReadOnlyList<LatencyLog> logs, double seconds)
    {
        long[] all = logs.SelectMany(l => l._ticks).ToArray();
        Array.Sort(all);
        var errors = new SortedDictionary<StatusCode, long>();
        foreach (var (code, count) in logs.SelectMany(l => l._errors)) errors[code] = errors.GetValueOrDefault(code) + count;
        double Ms(double q) => all.Length == 0 ? double.NaN : all[(int)Math.Min(all.Length - 1, Math.Ceiling(q * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LatencySummary(all.Length, all.Length / seconds, Ms(0.50), Ms(0.90), Ms(0.99), Ms(1.0), errors);
    }
}

/// <summary>Throughput (successful calls per second), latency percentiles in milliseconds, failures by status code.</summary>
public sealed record LatencySummary(long Calls, double CallsPerSecond, double P50Ms, double P90Ms, double P99Ms, double MaxMs,
    IReadOnlyDictionary<StatusCode, long> Errors);

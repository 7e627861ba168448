using System.Globalization;
using System.Text.Json;
using Grpc.Core;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>The figures of a load run: printed as a compact table, and written as JSON with <c>--json FILE</c>.</summary>
public sealed record LoadReport(LoadOptions Options, string Server, LatencySummary Latency, IReadOnlyList<MemorySample> ServerMemory)
{
    /// <summary>
    /// The targets: analytic p99 under 2 ms; no errors; memory not growing: the last working set within 20% of
    /// the one half-way through the run (the first half lets JIT, thread pool and GC heaps settle; a leak
    /// keeps growing through the second half).
    /// </summary>
    private const double AnalyticP99TargetMs = 2.0;
    private const double MemoryGrowthTolerance = 1.2;

    public long Errors => Latency.Errors.Values.Sum();

    public long ResourceExhausted => Latency.Errors.GetValueOrDefault(StatusCode.ResourceExhausted);

    public void Print(TextWriter output)
    {
        var o = Options;
        string kind = o.Kind == LoadKind.Analytic ? "analytic" : $"mc {o.Paths:N0} paths";
        output.WriteLine($"load: {kind}, {o.Clients} clients on {o.Channels} channel(s), {o.Seconds:G} s measured after {o.WarmupSeconds:G} s warm-up; server {Server}");
        output.WriteLine($"  {"calls ok",-18}{Latency.Calls,12:N0}   {Latency.CallsPerSecond,10:N0} /s");
        output.WriteLine($"  {"latency ms",-18}p50 {Latency.P50Ms:F3}   p90 {Latency.P90Ms:F3}   p99 {Latency.P99Ms:F3}   max {Latency.MaxMs:F3}");
        var others = Latency.Errors.Where(e => e.Key != StatusCode.ResourceExhausted).Select(e => $"{Canonical(e.Key)} {e.Value:N0}").ToList();
        output.WriteLine($"  {"refused",-18}RESOURCE_EXHAUSTED {ResourceExhausted:N0} (the server saturated)");
        output.WriteLine($"  {"other errors",-18}{(others.Count == 0 ? "none" : string.Join(", ", others))}");
        if (ServerMemory.Count > 0)
        {
            output.WriteLine($"  {"server memory MB",-18}working set first {Mb(ServerMemory[0].WorkingSetBytes)}  last {Mb(ServerMemory[^1].WorkingSetBytes)}"
                             + $"  max {Mb(ServerMemory.Max(s => s.WorkingSetBytes))};  private first {Mb(ServerMemory[0].PrivateBytes)}"
                             + $"  last {Mb(ServerMemory[^1].PrivateBytes)}  max {Mb(ServerMemory.Max(s => s.PrivateBytes))}  ({ServerMemory.Count} samples)");
        }
        foreach (string verdict in Verdicts()) output.WriteLine($"  target: {verdict}");
    }

    private IEnumerable<string> Verdicts()
    {
        if (Options.Kind == LoadKind.Analytic)
            yield return $"analytic p99 < {AnalyticP99TargetMs} ms at {Options.Clients} clients: {(Latency.P99Ms < AnalyticP99TargetMs ? "met" : "NOT met")} ({Latency.P99Ms:F3} ms)";
        yield return $"no errors: {(Errors == 0 ? "met" : "NOT met")}";
        if (ServerMemory.Count >= 2)
        {
            double halfway = Math.Max(Options.WarmupSeconds, ServerMemory[^1].Seconds / 2);
            var steady = ServerMemory.FirstOrDefault(s => s.Seconds >= halfway) ?? ServerMemory[0];
            bool bounded = ServerMemory[^1].WorkingSetBytes <= steady.WorkingSetBytes * MemoryGrowthTolerance;
            yield return $"no unbounded memory growth (last working set {Mb(ServerMemory[^1].WorkingSetBytes)} MB within {MemoryGrowthTolerance - 1:P0} of "
                         + $"{Mb(steady.WorkingSetBytes)} MB at {steady.Seconds:F0} s): {(bounded ? "met" : "NOT met")}";
        }
    }

    public void WriteJson(string path)
    {
        var figures = new Dictionary<string, object>
        {
            ["kind"] = Options.Kind == LoadKind.Analytic ? "analytic" : "mc",
            ["paths"] = Options.Kind == LoadKind.Analytic ? 0 : Options.Paths,
            ["clients"] = Options.Clients,
            ["channels"] = Options.Channels,
            ["seconds"] = Options.Seconds,
            ["warmup_seconds"] = Options.WarmupSeconds,
            ["server"] = Server,
            ["authenticated"] = Options.ApiKey is not null,
            ["calls_ok"] = Latency.Calls,
            ["calls_per_sec"] = Latency.CallsPerSecond,
            ["p50_ms"] = Latency.P50Ms,
            ["p90_ms"] = Latency.P90Ms,
            ["p99_ms"] = Latency.P99Ms,
            ["max_ms"] = Latency.MaxMs,
            ["errors"] = Latency.Errors.ToDictionary(e => Canonical(e.Key), e => e.Value),
            ["resource_exhausted"] = ResourceExhausted,
            ["server_memory"] = ServerMemory.Select(s => new { seconds = s.Seconds, working_set_bytes = s.WorkingSetBytes, private_bytes = s.PrivateBytes }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);

    private static string Canonical(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}

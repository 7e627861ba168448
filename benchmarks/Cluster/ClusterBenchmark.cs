using System.Diagnostics;
using System.Text.Json;
using CarbonDerivatives.Benchmarks.Load;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Cluster;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarbonDerivatives.Benchmarks.Cluster;

/// <summary>
/// <c>cluster [--paths 4194304] [--runs 3] [--json FILE]</c>: Monte Carlo Sensitivities of the cluster tests' 300-position
/// book on server processes started here, each pinned to one core (<c>taskset</c>, so the node sees one processor and
/// simulates one shard at a time): one node on its own (mode none) against a localhost cluster of 2 and of 3 nodes (node
/// i on core i mod the machine's cores; the job sent to node 1), medians of <c>--runs</c> wall times, client side.
/// Per-shard overhead: a small job (64 shards of one block) on a 1-node cluster against the same job on a node on its
/// own, (cluster - alone) / 64. Bytes per shard: the request each shard carries and its partial back (ClusterRun).
/// </summary>
public static class ClusterBenchmark
{
    private const long OverheadPaths = 65_536; // 64 blocks of 1,024 paths: 64 one-block shards

    public static int Run(string[] args)
    {
        long paths = Option(args, "--paths", 4_194_304);
        int runs = (int)Option(args, "--runs", 3);
        string? json = args.SkipWhile(a => a != "--json").Skip(1).FirstOrDefault();
        string? dll = ServerProcess.FindDll(out string reason);
        if (dll is null)
        {
            Console.Error.WriteLine(reason);
            return 2;
        }
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"{cores} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; book: 300 positions over 5 underlyings, {paths:N0} paths");

        var big = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(paths) };
        var small = new SensitivitiesRequest { Inputs = ClusterBook.Inputs(OverheadPaths) };
        var alone = Measure(dll, nodes: 0, big, runs, cores);
        var one = Measure(dll, nodes: 1, big, runs, cores);
        var two = Measure(dll, nodes: 2, big, runs, cores);
        var three = Measure(dll, nodes: 3, big, runs, cores);
        var smallAlone = Measure(dll, nodes: 0, small, runs + 2, cores);
        var smallCluster = Measure(dll, nodes: 1, small, runs + 2, cores);
        double overheadMs = (smallCluster.Seconds - smallAlone.Seconds) * 1000 / smallCluster.Run.Shards;

        var report = new ClusterReport(DateTime.UtcNow.ToString("yyyy-MM-dd"), cores, paths, runs, alone.Seconds, two.Seconds, three.Seconds,
            alone.Seconds / two.Seconds, alone.Seconds / three.Seconds, two.Run.Shards, [.. two.Run.ShardsByNode.Values], [.. three.Run.ShardsByNode.Values],
            overheadMs, smallAlone.Seconds, smallCluster.Seconds, two.Run.RequestBytesPerShard, (double)two.Run.PartialBytes / two.Run.Shards);
        Console.WriteLine($"1 node (1 core):            {alone.Seconds,8:F2} s");
        Console.WriteLine($"2 nodes (1 core each):      {two.Seconds,8:F2} s   speedup {report.Speedup2:F2}x   shards by node {string.Join("/", report.ShardsByNode2)}");
        Console.WriteLine($"3 nodes (on {cores} cores):       {three.Seconds,8:F2} s   speedup {report.Speedup3:F2}x   shards by node {string.Join("/", report.ShardsByNode3)}");
        Console.WriteLine($"per-shard overhead:         {overheadMs,8:F2} ms  (64 one-block shards: {smallCluster.Seconds:F3} s on a 1-node cluster, {smallAlone.Seconds:F3} s alone)");
        Console.WriteLine($"bytes per shard:            {report.RequestBytesPerShard,8:N0} B out (request, documents inlined), {report.PartialBytesPerShard:N0} B back (partial)");
        if (json is not null) File.WriteAllText(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    /// <summary>Median wall time of <paramref name="request"/> sent to node 1 of <paramref name="nodes"/> pinned nodes (0: one node, mode none).</summary>
    private static (double Seconds, ClusterRun Run) Measure(string dll, int nodes, SensitivitiesRequest request, int runs, int cores)
    {
        int primary = ServerProcess.FreeLoopbackPort();
        var servers = Enumerable.Range(0, Math.Max(1, nodes)).Select(i => ServerProcess.Start(dll, quiet: true, extraArguments: nodes == 0
                ? ["--Carbon:MaxConcurrentSimulations=1"]
                : ["--Carbon:MaxConcurrentSimulations=1", "--Carbon:Cluster:Mode=localhost", $"--Carbon:Cluster:SiloPort={(i == 0 ? primary : ServerProcess.FreeLoopbackPort())}",
                   $"--Carbon:Cluster:PrimarySiloPort={primary}", $"--Carbon:Cluster:GatewayPort={ServerProcess.FreeLoopbackPort()}", "--Logging:LogLevel:Orleans=Error"],
            pinnedCore: i % cores)).ToList();
        try
        {
            using var channel = GrpcChannel.ForAddress(servers[0].Address);
            var client = new RiskService.RiskServiceClient(channel);
            foreach (var server in servers)
                if (!ServerProbe.WaitUntilServingAsync(GrpcChannel.ForAddress(server.Address), [], TimeSpan.FromSeconds(60), () => server.Process.HasExited).Result)
                    throw new InvalidOperationException("a node did not start:\n" + server.LastLines);
            // Warm-up (JIT, connections) until every node has joined and ran a shard of it.
            var warmUp = new SensitivitiesRequest(request) { Inputs = ClusterBook.Inputs(OverheadPaths) };
            for (var deadline = DateTime.UtcNow.AddSeconds(60); (Call(client, warmUp).Cluster?.ShardsByNode.Count ?? 0) < nodes;)
                if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"the cluster did not reach {nodes} nodes");
            var times = new List<double>();
            ClusterRun run = new();
            for (int r = 0; r < runs; r++)
            {
                var clock = Stopwatch.StartNew();
                run = Call(client, request).Cluster ?? new ClusterRun();
                times.Add(clock.Elapsed.TotalSeconds);
            }
            times.Sort();
            Console.WriteLine($"  {(nodes == 0 ? "alone" : $"{nodes} node(s)")}, {request.Inputs.Settings.MonteCarlo.Paths:N0} paths: {string.Join(" ", times.Select(t => t.ToString("F3")))} s");
            return (times[times.Count / 2], run);
        }
        finally
        {
            foreach (var server in servers) server.Dispose();
        }
    }

    private static SensitivitiesResult Call(RiskService.RiskServiceClient client, SensitivitiesRequest request)
    {
        using var call = client.Sensitivities(request);
        SensitivitiesResult? result = null;
        while (call.ResponseStream.MoveNext(CancellationToken.None).Result) result = call.ResponseStream.Current.Result ?? result;
        return result ?? throw new InvalidOperationException("no result");
    }

    private static long Option(string[] args, string name, long fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record ClusterReport(string Date, int Cores, long Paths, int Runs, double AloneSeconds, double TwoNodesSeconds, double ThreeNodesSeconds,
        double Speedup2, double Speedup3, int Shards, int[] ShardsByNode2, int[] ShardsByNode3, double OverheadMsPerShard, double SmallJobAloneSeconds,
        double SmallJobOneNodeClusterSeconds, long RequestBytesPerShard, double PartialBytesPerShard);
}

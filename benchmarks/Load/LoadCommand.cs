using Grpc.Net.Client;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>
/// <c>load [--address URL | --start-server] [--clients 16] [--seconds 60] [--kind analytic|mc] [--paths 100000]
/// [--channels 1] [--warmup 2] [--server-logs] [--auth none|api-key | --api-key KEY] [--json FILE]</c>: a bounded gRPC load test on loopback.
/// </summary>
public static class LoadCommand
{
    private static readonly TimeSpan MemoryInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static int Run(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"load: {e.Message}");
            return 2;
        }
        return RunAsync(options).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(LoadOptions options)
    {
        using var server = options.StartServer ? StartServer(options) : null;
        if (options.StartServer && server is null) return 1;
        Uri address = server?.Address ?? options.Address!;

        var channels = Enumerable.Range(0, options.Channels).Select(_ => Channel(address)).ToArray();
        try
        {
            var headers = new Grpc.Core.Metadata();
            if (options.ApiKey is not null) headers.Add("x-api-key", options.ApiKey);
            if (!await ServerProbe.WaitUntilServingAsync(channels[0], headers, StartTimeout, () => server?.Process.HasExited ?? false))
            {
                Console.Error.WriteLine($"load: no server answering at {address} within {StartTimeout.TotalSeconds:F0} s"
                                        + (server is null ? "" : $"; its last output:{Environment.NewLine}{server.LastLines}"));
                return 1;
            }

            // A hard stop well after the planned end, should a call ignore its deadline.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds + options.Seconds + 30));
            using var stopSampling = new CancellationTokenSource();
            var sampler = server is null ? null : new MemorySampler(server.Process, MemoryInterval);
            var sampling = sampler?.RunAsync(stopSampling.Token) ?? Task.CompletedTask;
            var latency = await LoadRunner.RunAsync(channels, LoadRequests.For(options.Kind, options.Paths), headers, options.Clients,
                TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds), stop.Token);
            await stopSampling.CancelAsync();
            await sampling;

            string serverText = server is null ? address.ToString() : $"started here ({address}, pid {server.Process.Id}{(options.ServerLogs ? "" : ", log level Warning")})";
            serverText += options.ApiKey is null ? "; no credentials sent" : "; every call authenticated by API key";
            var report = new LoadReport(options, serverText, latency, sampler?.Samples ?? []);
            report.Print(Console.Out);
            if (options.JsonPath is not null)
            {
                report.WriteJson(options.JsonPath);
                Console.WriteLine($"figures written to {options.JsonPath}");
            }
            return report.Errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var channel in channels) channel.Dispose();
        }
    }

    private static ServerProcess? StartServer(LoadOptions options)
    {
        string? dll = ServerProcess.FindDll(out string reason);
        if (dll is null)
        {
            Console.Error.WriteLine($"load: {reason}");
            return null;
        }
        return ServerProcess.Start(dll, quiet: !options.ServerLogs, options.StartServer ? options.ApiKey : null);
    }

    /// <summary>One HTTP/2 connection per channel (more only if the server's stream limit is reached).</summary>
    private static GrpcChannel Channel(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
    });
}

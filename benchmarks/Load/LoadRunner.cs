using System.Diagnostics;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>
/// Closed-loop load: each client sends the next request as soon as the previous reply arrives, for the
/// warm-up then the measured window, and stops by itself at the end. Clients share the channels round robin.
/// </summary>
public static class LoadRunner
{
    /// <summary>No call may hang the run: each has this deadline.</summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    public static async Task<LatencySummary> RunAsync(IReadOnlyList<GrpcChannel> channels, PriceRequest request, Metadata headers, int clients,
        TimeSpan warmup, TimeSpan measured, CancellationToken cancellation)
    {
        long measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        long end = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var logs = Enumerable.Range(0, clients).Select(_ => new LatencyLog()).ToArray();
        await Task.WhenAll(logs.Select((log, i) =>
        {
            var client = new PricingService.PricingServiceClient(channels[i % channels.Count]);
            return Task.Run(() => Client(client, request, headers, log, measureFrom, end, cancellation), cancellation);
        }));
        return LatencyLog.Merge(logs, measured.TotalSeconds);
    }

    private static async Task Client(PricingService.PricingServiceClient client, PriceRequest request, Metadata headers, LatencyLog log, long measureFrom,
        long end, CancellationToken cancellation)
    {
        for (long start = Stopwatch.GetTimestamp(); start < end && !cancellation.IsCancellationRequested; start = Stopwatch.GetTimestamp())
        {
            var status = StatusCode.OK;
            try
            {
                await client.PriceAsync(request, headers, DateTime.UtcNow + CallDeadline, cancellation);
            }
            catch (RpcException e)
            {
                status = e.StatusCode;
            }
            long elapsed = Stopwatch.GetTimestamp() - start;
            if (start < measureFrom) continue;
            if (status == StatusCode.OK) log.Success(elapsed);
            else log.Failure(status);
        }
    }
}

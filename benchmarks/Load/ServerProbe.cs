using System.Diagnostics;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>Checks that a server answers before load is sent (MarketDataService.ListSnapshots, retried).</summary>
public static class ServerProbe
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);

    /// <returns>False if the server does not answer within <paramref name="timeout"/> or <paramref name="gaveUp"/> says so (the process exited).</returns>
    public static async Task<bool> WaitUntilServingAsync(GrpcChannel channel, Metadata headers, TimeSpan timeout, Func<bool> gaveUp)
    {
        var client = new MarketDataService.MarketDataServiceClient(channel);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !gaveUp())
        {
            try
            {
                await client.ListSnapshotsAsync(new ListSnapshotsRequest(), headers, DateTime.UtcNow.AddSeconds(1));
                return true;
            }
            catch (RpcException)
            {
                await Task.Delay(Retry);
            }
        }
        return false;
    }
}

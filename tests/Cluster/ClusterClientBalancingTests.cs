using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>
/// Interactive pricing scales as stateless replicas: one client channel over several nodes, Grpc.Net.Client's own
/// client-side balancing (a static resolver listing the nodes, round_robin). The README's example is this channel.
/// </summary>
public sealed class ClusterClientBalancingTests
{
    [Fact]
    public async Task Cluster_StatelessReplicas_OneRoundRobinChannelOverAStaticResolverSpreadsCallsOverBothNodes()
    {
        string db = Path.Combine(Path.GetTempPath(), $"carbon-replica-{Guid.NewGuid():N}");
        var nodes = new[] { await InProcessServer.StartAsync(db + "-1.db"), await InProcessServer.StartAsync(db + "-2.db") };
        var callsByNode = new ConcurrentDictionary<object, int>();
        using var listener = CallsByMeterScope(callsByNode);
        try
        {
            var endpoints = nodes.Select(n => new Uri(n.Address)).Select(u => new BalancerAddress(u.Host, u.Port)).ToArray();
            using var channel = BalancedChannel(endpoints);
            var client = new PricingService.PricingServiceClient(channel);

            var prices = new List<double>();
            for (int i = 0; i < 20; i++) prices.Add((await client.PriceAsync(Requests.EuaDec26())).Value);

            var scopes = nodes.Select(n => (object)n.App.Services.GetRequiredService<IMeterFactory>()).ToArray();
            // Each server records a call's duration as the call ends: wait for all 20 to be counted.
            for (var deadline = DateTime.UtcNow.AddSeconds(10); scopes.Sum(s => callsByNode.GetValueOrDefault(s)) < 20 && DateTime.UtcNow < deadline;)
                await Task.Delay(20);
            Assert.Equal(20, scopes.Sum(s => callsByNode.GetValueOrDefault(s)));
            Assert.All(scopes, s => Assert.True(callsByNode.GetValueOrDefault(s) >= 2, $"calls by node: {string.Join("/", scopes.Select(x => callsByNode.GetValueOrDefault(x)))}"));
            Assert.Single(prices.Distinct()); // replicas: the same answer whichever node served it
        }
        finally
        {
            foreach (var (app, _) in nodes)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*")) File.Delete(file);
        }
    }

    /// <summary>
    /// The README's client: the scheme "static" resolves to the listed nodes, and round_robin sends each call to the next
    /// ready one (a node that stops answering is skipped until it reconnects).
    /// </summary>
    private static GrpcChannel BalancedChannel(BalancerAddress[] nodes)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => nodes));
        return GrpcChannel.ForAddress("static:///carbon", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
            ServiceProvider = services.BuildServiceProvider(),
        });
    }

    /// <summary>Counts the servers' call-duration measurements by meter scope: each server's own IMeterFactory.</summary>
    private static MeterListener CallsByMeterScope(ConcurrentDictionary<object, int> calls)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "carbon.rpc.server.duration" && instrument.Meter.Scope is not null) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => calls.AddOrUpdate(instrument.Meter.Scope!, 1, (_, n) => n + 1));
        listener.Start();
        return listener;
    }
}

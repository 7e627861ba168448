using CarbonDerivatives.Api.Cluster;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Engine.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>
/// Three in-process Orleans silos (Microsoft.Orleans.TestingHost), each with the services a cluster node has: its own
/// stores, the server's default options and limits, shard grains. Jobs are sent from the primary silo, as a node
/// receiving a gRPC call would.
/// </summary>
internal sealed class ThreeSiloCluster : IAsyncDisposable
{
    private ThreeSiloCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public static async Task<ThreeSiloCluster> StartAsync()
    {
        CarbonServer.ReserveThreads(new ServerOptions(), nodes: 3); // as each server does for itself
        var builder = new TestClusterBuilder(3);
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<CarbonNode>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ThreeSiloCluster(cluster);
    }

    /// <summary>The receiving node's view: the primary silo's <see cref="ClusterRisk"/>.</summary>
    public ClusterRisk Risk => Services(Cluster.Primary!).GetRequiredService<ClusterRisk>();

    /// <summary>The receiving node's <see cref="ClusterPricing"/>: a Price shards from <see cref="MinPathStepsToShard"/> path-steps.</summary>
    public ClusterPricing Pricing => Services(Cluster.Primary!).GetRequiredService<ClusterPricing>();

    /// <summary>The silos' sharding threshold for a Price: low, so test-sized runs shard.</summary>
    public const long MinPathStepsToShard = 1_000_000;

    /// <summary>The silos' sharding threshold for a ladder: 1,000 revaluations, so a 300-position book's ladder shards from 4 cells.</summary>
    public const long MinRevaluationsToShard = 1_000;

    /// <summary>Shard activity of every live silo.</summary>
    public IReadOnlyList<(SiloHandle Silo, ShardActivity Activity)> Activity() =>
        [.. Cluster.GetActiveSilos().Select(s => (s, Services(s).GetRequiredService<ShardActivity>()))];

    private IServiceProvider Services(SiloHandle silo) => Cluster.GetSiloServiceProvider(silo.SiloAddress);

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();

    /// <summary>A silo's services: what <see cref="CarbonServer"/> registers for the shards, then the cluster node.</summary>
    public sealed class CarbonNode : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddOptions<ServerOptions>();
            silo.Services.AddSingleton<IDocumentStore, InMemoryDocumentStore>();
            silo.Services.AddSingleton<ISnapshotStore, SnapshotStore>();
            silo.Services.AddSingleton<PortfolioStore>();
            silo.Services.AddSingleton(new SimulationLimits());
            silo.AddCarbonClusterNode();
            silo.Services.Configure<ClusterSettings>(o =>
            {
                o.MinPathStepsToShard = MinPathStepsToShard;
                o.MinRevaluationsToShard = MinRevaluationsToShard;
            });
            silo.Services.AddSingleton<Unanswered>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<Unanswered>());
        }
    }

    /// <summary>
    /// Makes a silo's calls fail as if their answers never arrived, from the moment it is cut off: TestingHost's kill stops
    /// an in-process silo in order, so a shard running there could still answer; after kill -9 it never does.
    /// </summary>
    public sealed class Unanswered : IIncomingGrainCallFilter
    {
        private readonly TaskCompletionSource _cut = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Cut() => _cut.TrySetResult();

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            await Task.WhenAny(context.Invoke(), _cut.Task);
            if (_cut.Task.IsCompleted) throw new SiloUnavailableException("the silo was killed before it answered");
        }
    }

    /// <summary>Kills <paramref name="silo"/>: its answers stop at once, then the silo stops.</summary>
    public Task KillAsync(SiloHandle silo)
    {
        Services(silo).GetRequiredService<Unanswered>().Cut();
        return Cluster.KillSiloAsync(silo);
    }
}

using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Protos.V1;
using Microsoft.Extensions.Logging.Abstractions;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>What the cluster tests compare with: the engine on its own, with the server's default options and snapshot.</summary>
internal static class ClusterReference
{
    /// <summary>The server's default options.</summary>
    public static readonly ServerOptions Options = new();

    /// <summary>The one-node Sensitivities result of <paramref name="request"/> (the engine on its own), timings cleared.</summary>
    public static SensitivitiesResult SingleNode(SensitivitiesRequest request)
    {
        var c = RiskRequestMapper.ToDomain(request.Inputs, Snapshots(), new PortfolioStore(new InMemoryDocumentStore()), Options);
        return ClusterBook.WithoutTimings(RiskResultMapper.Sensitivities(Engine.Risk.PortfolioRiskEngine.Compute(c.Portfolio, c.Market, c.Fx, c.Settings), 0, _ => null));
    }

    /// <summary>A snapshot store holding only the default snapshot.</summary>
    public static SnapshotStore Snapshots() =>
        new(new InMemoryDocumentStore(), Microsoft.Extensions.Options.Options.Create(Options), NullLogger<SnapshotStore>.Instance);
}

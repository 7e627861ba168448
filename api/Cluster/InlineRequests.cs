using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Snapshots;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// A request with its saved portfolio and stored snapshot copied in: what travels to the silos, so every silo
/// rebuilds the very job the receiving node planned, whatever its own stores hold at that moment.
/// </summary>
internal static class InlineRequests
{
    /// <summary>A copy of <paramref name="inputs"/> naming no stored document; call after the request was mapped once (ids checked).</summary>
    public static Proto.RiskInputs Inline(Proto.RiskInputs inputs, ISnapshotStore snapshots, PortfolioStore portfolios)
    {
        var copy = inputs.Clone();
        if (copy.PortfolioId.Length > 0)
        {
            copy.Portfolio = portfolios.Get(copy.PortfolioId) ?? throw new InvalidOperationException($"portfolio '{copy.PortfolioId}' vanished while the job was planned");
            copy.PortfolioId = "";
        }
        copy.Market = Inline(copy.Market, snapshots);
        return copy;
    }

    /// <summary>A copy of <paramref name="request"/> with its stored snapshot, if it names one, copied in.</summary>
    public static Proto.PriceRequest Inline(Proto.PriceRequest request, ISnapshotStore snapshots)
    {
        var copy = request.Clone();
        copy.Market = Inline(copy.Market, snapshots);
        return copy;
    }

    private static Proto.MarketSource? Inline(Proto.MarketSource? market, ISnapshotStore snapshots)
    {
        if (market?.SourceCase != Proto.MarketSource.SourceOneofCase.SnapshotId) return market;
        var stored = snapshots.Get(market.SnapshotId) ?? throw new InvalidOperationException($"snapshot '{market.SnapshotId}' vanished while the job was planned");
        return new Proto.MarketSource { Inline = stored.Message };
    }
}

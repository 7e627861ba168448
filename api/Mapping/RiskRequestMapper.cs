using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Risk;
using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>The engine's view of a risk request's shared inputs.</summary>
internal sealed record RiskContext(Portfolio Portfolio, MarketSnapshot Market, FxRates Fx, RiskSettings Settings);

/// <summary>Proto risk requests to engine inputs: the one place for that direction.</summary>
internal static class RiskRequestMapper
{
    public static RiskContext ToDomain(Proto.RiskInputs? inputs, ISnapshotStore snapshots, ServerOptions options)
    {
        if (inputs?.Portfolio is null) throw RpcErrors.InvalidArgument("inputs.portfolio", "is required");
        var book = inputs.Portfolio;
        if (book.Positions.Count == 0) throw RpcErrors.InvalidArgument("inputs.portfolio.positions", "the portfolio is empty: give at least one position");
        var market = PriceRequestMapper.Market(inputs.Market, snapshots, "inputs.market");
        var positions = book.Positions.Select((p, i) => Position(p, $"inputs.portfolio.positions[{i}]")).ToArray();
        var portfolio = RiskFieldPath.Translate(() => new Portfolio(book.ReportingCurrency, positions));
        var fx = RiskFieldPath.Translate(() => new FxRates(book.ReportingCurrency, inputs.FxRates));
        return new RiskContext(portfolio, market, fx, Settings(inputs.Settings, options));
    }

    private static Position Position(Proto.Position position, string path)
    {
        var (instrument, tradePrice) = InstrumentMapper.ToDomain(position.Instrument, $"{path}.instrument");
        var side = position.Side == Proto.PositionSide.Short ? PositionSide.Short : PositionSide.Long;
        return new Position(position.Id, instrument, position.Lots, side, tradePrice == 0 ? null : tradePrice);
    }

    private static RiskSettings Settings(Proto.RiskSettings? settings, ServerOptions options)
    {
        long paths = settings is { Paths: not 0 } ? settings.Paths : options.DefaultPaths;
        if (paths > options.MaxPaths) throw new BudgetExceededException("inputs.settings.paths", paths, options.MaxPaths);
        var jumps = (settings?.Jumps ?? []).ToDictionary(j => j.Key,
            j => PriceRequestMapper.Jumps(j.Value, $"inputs.settings.jumps[{j.Key}]"));
        return new RiskSettings
        {
            Method = settings?.Method == Proto.PricingMethod.MonteCarlo ? RiskMethod.MonteCarlo : RiskMethod.Analytic,
            Paths = paths,
            Seed = settings?.Seed ?? 0,
            Jumps = jumps.ToImmutableDictionary(),
        };
    }
}

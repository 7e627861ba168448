using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
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
    public static RiskContext ToDomain(Proto.RiskInputs? inputs, ISnapshotStore snapshots, PortfolioStore portfolios, ServerOptions options)
    {
        var book = Book(inputs, portfolios);
        var portfolio = Portfolio(book, "inputs.portfolio");
        var market = PriceRequestMapper.Market(inputs!.Market, snapshots, "inputs.market");
        var fx = RiskFieldPath.Translate(() => new FxRates(book.ReportingCurrency, inputs.FxRates));
        return new RiskContext(portfolio, market, fx, Settings(inputs.Settings, options));
    }

    /// <summary>The validated engine portfolio of <paramref name="book"/>; errors name fields under <paramref name="path"/>.</summary>
    public static Portfolio Portfolio(Proto.Portfolio book, string path)
    {
        if (book.Positions.Count == 0) throw RpcErrors.InvalidArgument($"{path}.positions", "the portfolio is empty: give at least one position");
        var positions = book.Positions.Select((p, i) => Position(p, $"{path}.positions[{i}]")).ToArray();
        const string requestPath = "inputs.portfolio";
        try
        {
            return RiskFieldPath.Translate(() => new Portfolio(book.ReportingCurrency, positions));
        }
        catch (InvalidInputException e) when (path != requestPath && e.Field.StartsWith(requestPath, StringComparison.Ordinal))
        {
            throw new InvalidInputException(path + e.Field[requestPath.Length..], e.Reason);
        }
    }

    /// <summary>The inline portfolio, or the saved one named by portfolio_id.</summary>
    private static Proto.Portfolio Book(Proto.RiskInputs? inputs, PortfolioStore portfolios)
    {
        if (inputs is null) throw RpcErrors.InvalidArgument("inputs.portfolio", "is required");
        if (inputs.PortfolioId.Length == 0)
            return inputs.Portfolio ?? throw RpcErrors.InvalidArgument("inputs.portfolio", "is required (or name a saved one in inputs.portfolio_id)");
        if (inputs.Portfolio is not null) throw RpcErrors.InvalidArgument("inputs.portfolio_id", "give either portfolio or portfolio_id, not both");
        DocumentIds.Check(inputs.PortfolioId, "inputs.portfolio_id");
        var saved = portfolios.Get(inputs.PortfolioId);
        if (saved is null) RpcErrors.ThrowNotFound($"inputs.portfolio_id: no saved portfolio '{inputs.PortfolioId}'");
        return saved;
    }

    private static Position Position(Proto.Position position, string path)
    {
        var mapped = InstrumentMapper.ToDomain(position.Instrument, $"{path}.instrument");
        if (mapped.Instrument is not IAllowanceInstrument instrument)
            throw RpcErrors.InvalidArgument($"{path}.instrument", "portfolio risk takes positions on one underlying; price spread options with PricingService");
        var side = position.Side == Proto.PositionSide.Short ? PositionSide.Short : PositionSide.Long;
        return new Position(position.Id, instrument, position.Lots, side, mapped.TradePrice == 0 ? null : mapped.TradePrice, mapped.Exercise);
    }

    private static RiskSettings Settings(Proto.RiskSettings? settings, ServerOptions options)
    {
        long paths = settings is { Paths: not 0 } ? settings.Paths : options.DefaultPaths;
        if (paths > options.MaxPaths) throw new BudgetExceededException("inputs.settings.paths", paths, options.MaxPaths, "paths");
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

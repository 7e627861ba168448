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

/// <summary>
/// The engine's view of a risk request's shared inputs, and the request path of each position's instrument (its oneof
/// case), by position id, for the errors of positions.
/// </summary>
internal sealed record RiskContext(Portfolio Portfolio, MarketSnapshot Market, FxRates Fx, RiskSettings Settings, Func<string, string?> InstrumentPath);

/// <summary>Proto risk requests to engine inputs: the one place for that direction.</summary>
internal static class RiskRequestMapper
{
    public static RiskContext ToDomain(Proto.RiskInputs? inputs, ISnapshotStore snapshots, PortfolioStore portfolios, ServerOptions options)
    {
        var book = Book(inputs, portfolios);
        var portfolio = Portfolio(book, "inputs.portfolio");
        var market = PriceRequestMapper.Market(inputs!.Market, snapshots, "inputs.market");
        var fx = RiskFieldPath.Translate(() => new FxRates(book.ReportingCurrency, inputs.FxRates));
        var instruments = book.Positions.Select((p, i) => (p.Id, Path: InstrumentMapper.CasePath(p.Instrument, $"inputs.portfolio.positions[{p.Id}].instrument")))
            .GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);
        return new RiskContext(portfolio, market, fx, Settings(inputs.Settings, options), id => instruments.GetValueOrDefault(id));
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
        var side = position.Side == Proto.PositionSide.Short ? PositionSide.Short : PositionSide.Long;
        return new Position(position.Id, mapped.Instrument, position.Lots, side, mapped.TradePrice == 0 ? null : mapped.TradePrice,
            PriceRequestMapper.Correlation(position.Correlation));
    }

    /// <summary>
    /// The engine's risk settings: monte_carlo (antithetic unless it says otherwise) or the old paths and seed, models by
    /// underlying (the old jumps map as Merton models), the grid.
    /// </summary>
    public static RiskSettings Settings(Proto.RiskSettings? settings, ServerOptions options)
    {
        static long OldPaths(Proto.RiskSettings? settings, ServerOptions options)
        {
            long paths = settings is { Paths: not 0 } ? settings.Paths : options.DefaultPaths;
            if (paths > options.MaxPaths) throw new BudgetExceededException("inputs.settings.paths", paths, options.MaxPaths, "paths"); // the field the request set
            return paths;
        }

        const string path = "inputs.settings";
        if (settings?.MonteCarlo is not null && (settings.Paths != 0 || settings.Seed != 0))
            throw RpcErrors.InvalidArgument($"{path}.paths", "paths and seed are replaced by monte_carlo: give one of the two");
        var monteCarlo = settings?.MonteCarlo is { } mc
            ? PriceRequestMapper.Settings(mc, options)
            : new Engine.Simulation.MonteCarloSettings
            {
                Paths = OldPaths(settings, options),
                Seed = settings?.Seed ?? 0,
                Antithetic = true,
            };
        var models = ImmutableDictionary.CreateBuilder<string, Engine.Pricing.ValuationModel>(StringComparer.Ordinal);
        foreach (var (code, jumps) in settings?.Jumps ?? [])
            models[code] = new Engine.Pricing.MertonDynamics(PriceRequestMapper.Jumps(jumps, $"{path}.jumps[{code}]"));
        foreach (var (code, model) in settings?.Models ?? [])
        {
            if (models.ContainsKey(code)) throw RpcErrors.InvalidArgument($"{path}.models[{code}]", "is also given in jumps: give one of the two");
            models[code] = PriceRequestMapper.Model(model, $"{path}.models[{code}]");
        }
        return new RiskSettings
        {
            Method = PriceRequestMapper.Method(settings?.Method ?? Proto.PricingMethod.Unspecified),
            MonteCarlo = monteCarlo,
            Grid = settings?.Grid is { } grid ? PriceRequestMapper.Grid(grid, 0, null!, $"{path}.grid", "") : new Engine.Pricing.GridSettings(),
            DefaultModel = PriceRequestMapper.Model(settings?.DefaultModel, $"{path}.default_model"),
            Models = models.ToImmutable(),
        };
    }
}

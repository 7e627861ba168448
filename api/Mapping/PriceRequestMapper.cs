using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>PriceRequest (proto) to the engine's <see cref="ValuationRequest"/>: the one place for that direction.</summary>
internal static class PriceRequestMapper
{
    public static ValuationRequest ToDomain(Proto.PriceRequest request, ISnapshotStore snapshots, ServerOptions options)
    {
        var market = Market(request.Market, snapshots, "market");
        var instrument = InstrumentMapper.ToDomain(request.Instrument, "instrument");
        return new ValuationRequest
        {
            Instrument = instrument.Instrument,
            TradePrice = instrument.TradePrice,
            Exercise = instrument.Exercise,
            DailyPriceLimit = request.PriceLimits?.DailyLimit,
            TradingDays = request.PriceLimits is { TradingDays: not 0 } limits ? limits.TradingDays : null,
            Correlation = Correlation(request.Correlation),
            Quantity = request.Quantity == 0 ? 1 : request.Quantity,
            Market = market,
            Model = Model(request.Model),
            Method = request.Method == Proto.PricingMethod.MonteCarlo ? ValuationMethod.MonteCarlo : ValuationMethod.Analytic,
            Settings = Settings(request.MonteCarlo, options),
            Steps = request.MonteCarlo is { Steps: not 0 } mc ? mc.Steps : 1,
            Greeks = request.Greeks,
        };
    }

    /// <summary>The market of a request: inline data or a stored snapshot; <paramref name="path"/> names the field.</summary>
    public static MarketSnapshot Market(Proto.MarketSource? source, ISnapshotStore snapshots, string path)
    {
        switch (source?.SourceCase)
        {
            case Proto.MarketSource.SourceOneofCase.Inline:
                return MarketMapper.ToDomain(source.Inline, $"{path}.inline");
            case Proto.MarketSource.SourceOneofCase.SnapshotId:
                var stored = snapshots.Get(source.SnapshotId);
                if (stored is null) RpcErrors.ThrowNotFound($"{path}.snapshot_id: no snapshot '{source.SnapshotId}'");
                return stored.Market;
            default:
                throw RpcErrors.InvalidArgument(path, "is required: inline market data or a snapshot_id (e.g. \"default\")");
        }
    }

    private static SpreadCorrelation? Correlation(Proto.SpreadCorrelation? correlation) => correlation?.KindCase switch
    {
        Proto.SpreadCorrelation.KindOneofCase.Rho => new FixedCorrelation(correlation.Rho),
        Proto.SpreadCorrelation.KindOneofCase.TermStructureDecay => new TermStructureDecay(correlation.TermStructureDecay),
        _ => null,
    };

    private static ValuationModel Model(Proto.Model? model) => model?.KindCase switch
    {
        Proto.Model.KindOneofCase.Merton => new MertonDynamics(Jumps(model.Merton, "model.merton")),
        Proto.Model.KindOneofCase.Schwartz => model.Schwartz.MeanReversion is >= 0 and <= 100
            ? new SchwartzDynamics(model.Schwartz.MeanReversion)
            : throw RpcErrors.InvalidArgument("model.schwartz.mean_reversion", $"must be in [0, 100] per year, got {model.Schwartz.MeanReversion}"),
        Proto.Model.KindOneofCase.Compliance => new ComplianceDynamics(model.Compliance.Penalty,
            model.Compliance.TimeChangeExponent == 0 ? null : model.Compliance.TimeChangeExponent),
        _ => new Black76Dynamics(),
    };

    /// <summary>Merton jumps, errors named under <paramref name="path"/>.</summary>
    public static LogNormalJumps Jumps(Proto.MertonModel merton, string path)
    {
        try
        {
            return new LogNormalJumps(merton.JumpIntensity, merton.JumpMean, merton.JumpVolatility);
        }
        catch (InvalidInputException e)
        {
            string name = e.Field switch
            {
                "jumps.intensity" => "jump_intensity",
                "jumps.meanLogJump" => "jump_mean",
                _ => "jump_volatility",
            };
            throw new InvalidInputException($"{path}.{name}", e.Reason);
        }
    }

    private static MonteCarloSettings Settings(Proto.MonteCarloSettings? settings, ServerOptions options) => new()
    {
        Paths = settings is { Paths: not 0 } ? settings.Paths : options.DefaultPaths,
        Seed = settings?.Seed ?? 0,
        Antithetic = settings?.Antithetic ?? false,
        ControlVariate = settings?.ControlVariate ?? false,
        Random = settings?.Random == Proto.RandomKind.SobolBrownianBridge ? RandomKind.SobolBrownianBridge : RandomKind.Pseudo,
        QuasiRandomReplicates = settings is { QuasiRandomReplicates: not 0 } ? settings.QuasiRandomReplicates : 16,
        // One simulation per call: the server's cores are shared by concurrent calls via the gate.
        MaxDegreeOfParallelism = null,
    };
}

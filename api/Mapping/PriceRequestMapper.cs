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
        var instrument = WithRequestPriceLimits(InstrumentMapper.ToDomain(request.Instrument, "instrument").Instrument, request.PriceLimits);
        return new ValuationRequest
        {
            Instrument = instrument,
            TradePrice = request.Instrument.Future?.TradePrice ?? 0,
            Correlation = Correlation(request.Correlation),
            Quantity = request.Quantity == 0 ? 1 : request.Quantity,
            Market = market,
            Model = Model(request.Model),
            Method = Method(request.Method),
            MonteCarlo = Settings(request.MonteCarlo, options),
            Grid = Grid(request.Grid, request.MonteCarlo?.Steps ?? 0, instrument, "grid", "monte_carlo.steps"),
            Greeks = request.Greeks,
        };
    }

    /// <summary>The engine's method of a proto one (unspecified: the closed form).</summary>
    public static ValuationMethod Method(Proto.PricingMethod method) =>
        method == Proto.PricingMethod.MonteCarlo ? ValuationMethod.MonteCarlo : ValuationMethod.Analytic;

    /// <summary>
    /// The request's old price_limits moved onto the futures option they belong to (a contract term); refused for
    /// other instruments and beside the option's own.
    /// </summary>
    private static IInstrument WithRequestPriceLimits(IInstrument instrument, Proto.PriceLimits? limits)
    {
        if (limits is null) return instrument;
        if (instrument is not FuturesOption option)
            throw RpcErrors.InvalidArgument("price_limits", "daily price limits are simulated for futures options only");
        if (option.PriceLimits is not null)
            throw RpcErrors.InvalidArgument("price_limits", "the limit is a term of the option: give it in instrument.futures_option.price_limits only");
        return option with { PriceLimits = InstrumentMapper.PriceLimits(limits, "price_limits") };
    }

    /// <summary>
    /// The typed grid, or the one the old monte_carlo.steps meant for this product: Asian steps per fixing interval,
    /// continuous barrier steps (1: one per business day), American exercise steps (1: 50); ignored for European options.
    /// </summary>
    public static GridSettings Grid(Proto.TimeGrid? grid, int steps, IInstrument instrument, string gridPath, string stepsPath)
    {
        if (grid is not null && steps != 0)
            throw RpcErrors.InvalidArgument(stepsPath, $"is replaced by {gridPath}: give one of the two");
        if (steps < 0) throw RpcErrors.InvalidArgument(stepsPath, $"must not be negative, got {steps}");
        if (grid is not null)
        {
            return new GridSettings
            {
                StepsPerFixing = grid.StepsPerFixing == 0 ? 1 : grid.StepsPerFixing,
                BarrierSteps = grid.BarrierSteps == 0 ? null : grid.BarrierSteps,
                ExerciseSteps = grid.ExerciseSteps == 0 ? GridSettings.DefaultExerciseSteps : grid.ExerciseSteps,
            };
        }
        if (steps <= 1) return new GridSettings();
        return instrument switch
        {
            AsianOption => new GridSettings { StepsPerFixing = steps },
            BarrierOption => new GridSettings { BarrierSteps = steps },
            FuturesOption { Exercise.Style: not ExerciseStyle.European } => new GridSettings { ExerciseSteps = steps },
            _ => new GridSettings(),
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

    /// <summary>A spread's correlation, or null when unset.</summary>
    public static SpreadCorrelation? Correlation(Proto.SpreadCorrelation? correlation) => correlation?.KindCase switch
    {
        Proto.SpreadCorrelation.KindOneofCase.Rho => new FixedCorrelation(correlation.Rho),
        Proto.SpreadCorrelation.KindOneofCase.TermStructureDecay => new DecayingCorrelation(correlation.TermStructureDecay),
        _ => null,
    };

    /// <summary>The dynamics of a proto model; errors named under <paramref name="path"/> (e.g. "model").</summary>
    public static ValuationModel Model(Proto.Model? model, string path = "model") => model?.KindCase switch
    {
        Proto.Model.KindOneofCase.Merton => new MertonDynamics(Jumps(model.Merton, $"{path}.merton")),
        Proto.Model.KindOneofCase.Schwartz => model.Schwartz.MeanReversion is >= 0 and <= 100
            ? new SchwartzDynamics(model.Schwartz.MeanReversion)
            : throw RpcErrors.InvalidArgument($"{path}.schwartz.mean_reversion", $"must be in [0, 100] per year, got {model.Schwartz.MeanReversion}"),
        Proto.Model.KindOneofCase.Compliance => new ComplianceDynamics(model.Compliance.Penalty,
            model.Compliance.TimeChangeExponent == 0 ? null : model.Compliance.TimeChangeExponent),
        Proto.Model.KindOneofCase.Heston => new HestonDynamics(DynamicsMapper.Heston(model.Heston, $"{path}.heston")),
        Proto.Model.KindOneofCase.RegimeSwitching => new RegimeSwitchingDynamics(DynamicsMapper.RegimeSwitching(model.RegimeSwitching, $"{path}.regime_switching")),
        _ => new Black76Dynamics(),
    };

    /// <summary>Merton jumps, errors named under <paramref name="path"/> (the engine's parameters are the proto's fields).</summary>
    public static LogNormalJumps Jumps(Proto.MertonModel merton, string path) =>
        FieldPath.Translate(path, () => new LogNormalJumps(merton.JumpIntensity, merton.JumpMean, merton.JumpVolatility));

    private static SimulationPrecision Precision(Proto.SimulationPrecision precision) => precision switch
    {
        Proto.SimulationPrecision.Unspecified or Proto.SimulationPrecision.Double => SimulationPrecision.Double,
        Proto.SimulationPrecision.Single => SimulationPrecision.Single,
        _ => throw RpcErrors.InvalidArgument("monte_carlo.precision", $"unknown precision {(int)precision}"),
    };

    /// <summary>Monte Carlo settings with the server's defaults for zero values.</summary>
    public static MonteCarloSettings Settings(Proto.MonteCarloSettings? settings, ServerOptions options)
    {
        var (backend, fallBack) = SimulationBackends.Resolve(settings?.Backend ?? Proto.SimulationBackend.Unspecified, options.Backend);
        return Defaults(settings, options) with { Backend = backend, FallBackToCpu = fallBack };
    }

    private static MonteCarloSettings Defaults(Proto.MonteCarloSettings? settings, ServerOptions options) => new()
    {
        Paths = settings is { Paths: not 0 } ? settings.Paths : options.DefaultPaths,
        Seed = settings?.Seed ?? 0,
        Antithetic = settings?.Antithetic ?? false,
        ControlVariate = settings?.ControlVariate ?? false,
        Random = settings?.Random == Proto.RandomKind.SobolBrownianBridge ? RandomKind.SobolBrownianBridge : RandomKind.Pseudo,
        QuasiRandomReplicates = settings is { QuasiRandomReplicates: not 0 } ? settings.QuasiRandomReplicates : 16,
        Precision = Precision(settings?.Precision ?? Proto.SimulationPrecision.Unspecified),
        // One simulation per call: the server's cores are shared by concurrent calls via the gate.
        MaxDegreeOfParallelism = null,
    };
}

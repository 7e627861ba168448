using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>PriceRequest (proto) to the engine's <see cref="ValuationRequest"/>: the one place for that direction.</summary>
internal static class PriceRequestMapper
{
    public static ValuationRequest ToDomain(Proto.PriceRequest request, ISnapshotStore snapshots, ServerOptions options)
    {
        var market = Market(request.Market, snapshots);
        var (instrument, tradePrice) = Instrument(request.Instrument);
        return new ValuationRequest
        {
            Instrument = instrument,
            TradePrice = tradePrice,
            Quantity = request.Quantity == 0 ? 1 : request.Quantity,
            Market = market,
            Model = Model(request.Model),
            Method = request.Method == Proto.PricingMethod.MonteCarlo ? ValuationMethod.MonteCarlo : ValuationMethod.Analytic,
            Settings = Settings(request.MonteCarlo, options),
            Steps = request.MonteCarlo is { Steps: not 0 } mc ? mc.Steps : 1,
            Greeks = request.Greeks,
        };
    }

    public static MarketSnapshot Market(Proto.MarketSource? source, ISnapshotStore snapshots)
    {
        switch (source?.SourceCase)
        {
            case Proto.MarketSource.SourceOneofCase.Inline:
                return MarketMapper.ToDomain(source.Inline, "market.inline");
            case Proto.MarketSource.SourceOneofCase.SnapshotId:
                var stored = snapshots.Get(source.SnapshotId);
                if (stored is null) RpcErrors.ThrowNotFound($"market.snapshot_id: no snapshot '{source.SnapshotId}'");
                return stored.Market;
            default:
                throw RpcErrors.InvalidArgument("market", "is required: inline market data or a snapshot_id (e.g. \"default\")");
        }
    }

    private static (object Instrument, double TradePrice) Instrument(Proto.Instrument? instrument)
    {
        switch (instrument?.KindCase)
        {
            case Proto.Instrument.KindOneofCase.FuturesOption:
                var o = instrument.FuturesOption;
                const string optionPath = "instrument.futures_option";
                var right = o.Right switch
                {
                    Proto.OptionRight.Call => OptionType.Call,
                    Proto.OptionRight.Put => OptionType.Put,
                    _ => throw RpcErrors.InvalidArgument($"{optionPath}.right", "must be OPTION_RIGHT_CALL or OPTION_RIGHT_PUT"),
                };
                return (new FuturesOption(o.Underlying, right, o.Strike, ProtoDates.Parse(o.Expiry, $"{optionPath}.expiry"),
                    ProtoDates.Parse(o.FuturesDelivery, $"{optionPath}.futures_delivery"), o.LotSize, o.Currency), 0);
            case Proto.Instrument.KindOneofCase.Future:
                var f = instrument.Future;
                return (new AllowanceFuture(f.Underlying, ProtoDates.Parse(f.Delivery, "instrument.future.delivery"), f.LotSize, f.Currency), f.TradePrice);
            default:
                throw RpcErrors.InvalidArgument("instrument", "is required: futures_option or future");
        }
    }

    private static ValuationModel Model(Proto.Model? model) => model?.KindCase switch
    {
        Proto.Model.KindOneofCase.Merton => FieldPath.Under("model.merton", () => new MertonDynamics(
            new LogNormalJumps(model.Merton.JumpIntensity, model.Merton.JumpMean, model.Merton.JumpVolatility))),
        _ => new Black76Dynamics(),
    };

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

using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>One position after checking: either ready to price, or the error that stopped it.</summary>
internal readonly record struct PositionResolution(Position Source, BookPosition? Resolved, PositionError? Error);

/// <summary>Checks positions against a market; an error becomes a value naming the position and field.</summary>
internal static class PositionResolver
{
    public static PositionResolution[] ResolveAll(Portfolio portfolio, MarketSnapshot market, FxRates fx, RiskSettings settings, SimulationLimits limits)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(fx);
        ArgumentNullException.ThrowIfNull(settings);
        var result = new PositionResolution[portfolio.Positions.Length];
        for (int i = 0; i < result.Length; i++)
        {
            var position = portfolio.Positions[i];
            result[i] = Guarded(position, () => new PositionResolution(position, Resolve(i, position, market, fx, portfolio.ReportingCurrency, settings, limits), null));
        }
        return result;
    }

    /// <summary>Runs <paramref name="action"/>; an invalid input becomes the position's error, its field under "positions[ID]".</summary>
    public static PositionResolution Guarded(Position position, Func<PositionResolution> action)
    {
        try
        {
            return action();
        }
        catch (InvalidInputException e)
        {
            return new PositionResolution(position, null, ErrorOf(position, e));
        }
    }

    /// <summary>The position error of an invalid input, its field under "positions[ID]".</summary>
    public static PositionError ErrorOf(Position position, InvalidInputException e)
    {
        string field = $"positions[{position.Id}].{e.Field}";
        return new PositionError(position.Id, field, $"position '{position.Id}': {field}: {e.Reason}");
    }

    private static BookPosition Resolve(int index, Position position, MarketSnapshot market, FxRates fx, string reporting, RiskSettings settings,
        SimulationLimits limits)
    {
        var instrument = position.Instrument;
        if (instrument is null) Guard.Fail("instrument", "must be provided");
        Guard.Positive(position.Lots, "lots");
        if (!Enum.IsDefined(position.Side)) Guard.Fail("side", $"must be Long or Short, got {(int)position.Side}");
        Guard.Within(Pricing.Pricers.InstrumentField, () => instrument.Validate(market.ValuationDate));
        foreach (var (underlying, _) in Futures(instrument))
            if (!market.FuturesCurves.ContainsKey(underlying))
                Guard.Fail($"market.futures[{underlying}]", $"unknown underlying '{underlying}': the market snapshot has no futures curve for it");
        var legs = Futures(instrument).Select(f => new BookLeg(f.Underlying, f.Delivery, market.FuturesCurveFor(f.Underlying).Price(f.Delivery))).ToArray();
        if (legs.Length == 2 && settings.ModelFor(legs[0].Underlying) != settings.ModelFor(legs[1].Underlying))
            Guard.Fail("model", $"a spread's legs are simulated under one model: {legs[0].Underlying} and {legs[1].Underlying} have different dynamics in the settings");
        double rate = fx.Rate(instrument.Currency, reporting);
        double tradePrice = instrument is AllowanceFuture future
            ? position.TradePrice is { } p ? Guard.Positive(p, "tradePrice") : market.FuturesCurveFor(future.Underlying).Price(future.Delivery)
            : 0;
        DateOnly? expiry = instrument switch
        {
            FuturesOption o => o.Expiry,
            AsianOption a => a.Expiry,
            BarrierOption b => b.Expiry,
            SpreadOption s => s.Expiry,
            _ => null,
        };
        return new BookPosition(index, position.Id, instrument, expiry, instrument.Currency, rate, position.Lots * position.Sign, tradePrice,
            settings.InputsFor(legs[0].Underlying, limits, position.Correlation), legs);
    }

    /// <summary>The futures a product's figures aggregate under: its underlying future, or a spread's two.</summary>
    private static (string Underlying, DateOnly Delivery)[] Futures(IInstrument instrument) => instrument switch
    {
        SpreadOption s => [(s.Leg1.Underlying, s.Leg1.FuturesDelivery), (s.Leg2.Underlying, s.Leg2.FuturesDelivery)],
        IAllowanceInstrument a => [(a.Underlying, a.FuturesDelivery)],
        _ => throw new InvalidInputException("instrument", $"unsupported instrument type {instrument.GetType().Name}"),
    };
}

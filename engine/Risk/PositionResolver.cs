using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>One position after resolution: either numbers, or the error that stopped it.</summary>
internal readonly record struct PositionResolution(Position Source, ResolvedPosition? Resolved, PositionError? Error);

/// <summary>Checks positions and resolves them against a market; an error becomes a value naming the position and field.</summary>
internal static class PositionResolver
{
    public static PositionResolution[] ResolveAll(Portfolio portfolio, MarketSnapshot market, FxRates fx, RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(fx);
        ArgumentNullException.ThrowIfNull(settings);
        var result = new PositionResolution[portfolio.Positions.Length];
        for (int i = 0; i < result.Length; i++)
        {
            var position = portfolio.Positions[i];
            try
            {
                result[i] = new(position, Resolve(i, position, market, fx, portfolio.ReportingCurrency, settings), null);
            }
            catch (InvalidInputException e)
            {
                string field = $"positions[{position.Id}].{e.Field}";
                result[i] = new(position, null, new PositionError(position.Id, field, $"position '{position.Id}': {field}: {e.Reason}"));
            }
        }
        return result;
    }

    private static ResolvedPosition Resolve(int index, Position position, MarketSnapshot market, FxRates fx, string reporting,
        RiskSettings settings)
    {
        var instrument = position.Instrument;
        if (instrument is null) Guard.Fail("instrument", "must be provided");
        Guard.Positive(position.Lots, "lots");
        if (!Enum.IsDefined(position.Side)) Guard.Fail("side", $"must be Long or Short, got {(int)position.Side}");
        instrument.Validate(market.ValuationDate);
        if (!market.FuturesCurves.ContainsKey(instrument.Underlying))
            Guard.Fail($"market.futures[{instrument.Underlying}]",
                $"unknown underlying '{instrument.Underlying}': the market snapshot has no futures curve for it");
        double rate = fx.Rate(instrument.Currency, reporting);
        double quantity = position.Lots * instrument.LotSize * position.Sign;
        settings.Jumps.TryGetValue(instrument.Underlying, out var jumps);
        switch (instrument)
        {
            case FuturesOption option when position.Exercise is { Style: not ExerciseStyle.European } exercise:
                return Exotic(option.Expiry, ExoticRevaluation.For(option, exercise, market)) with { ExoticBumps = Pricing.RevaluationGreeks.Bumps.Tree };
            case FuturesOption option:
                var perTonne = (option with { LotSize = 1 }).Resolve(market);
                return new ResolvedPosition(index, position.Id, option.Underlying, option.FuturesDelivery, option.Expiry, option.Currency,
                    rate, quantity, perTonne.Forward, perTonne, perTonne.Forward, jumps);
            case AllowanceFuture future:
                double forward = market.FuturesCurveFor(future.Underlying).Price(future.Delivery);
                double trade = position.TradePrice is { } p ? Guard.Positive(p, "tradePrice") : forward;
                return new ResolvedPosition(index, position.Id, future.Underlying, future.Delivery, null, future.Currency,
                    rate, quantity, forward, null, trade, jumps);
            case AsianOption asian:
                return Exotic(asian.Expiry, ExoticRevaluation.For(asian, market));
            case BarrierOption barrier:
                return Exotic(barrier.Expiry, ExoticRevaluation.For(barrier, market));
            default:
                throw new InvalidInputException("instrument", $"unsupported instrument type {instrument.GetType().Name}");
        }

        ResolvedPosition Exotic(DateOnly expiry, (Func<Pricing.MarketShift, double> Value, double Volatility) exotic)
        {
            if (jumps is not null)
                Guard.Fail("instrument", $"Asian, barrier and early-exercise options are valued under Black-76 (closed form or tree); {instrument.Underlying} has jumps in the risk settings");
            double forward = market.FuturesCurveFor(instrument.Underlying).Price(instrument.FuturesDelivery);
            return new ResolvedPosition(index, position.Id, instrument.Underlying, instrument.FuturesDelivery, expiry, instrument.Currency,
                rate, quantity, forward, null, forward, null) { Exotic = exotic.Value, ExoticVolatility = exotic.Volatility };
        }
    }
}

using CarbonDerivatives.Engine.Pricing.Valuers;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Values every product the engine prices, each by its valuer (closed forms by default, Monte Carlo on
/// demand), and scales the figures to the requested quantity. Every simulation is bounded by the
/// <see cref="SimulationLimits"/> given at construction.
/// </summary>
public sealed class ValuationService(SimulationLimits limits) : IValuationService
{
    public Valuation Value(ValuationRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        double quantity = Guard.Finite(request.Quantity, "quantity");
        if (quantity == 0) Guard.Fail("quantity", "must not be zero");
        if (request.DailyPriceLimit is not null && request.Instrument is not FuturesOption)
            Guard.Fail("dailyPriceLimit", "daily price limits are simulated for futures options only");
        var valuation = request.Instrument switch
        {
            FuturesOption option => FuturesOptionValuer.Value(option, request, limits, cancellation),
            AllowanceFuture future => FutureValuer.Value(future, request),
            AsianOption asian => AsianOptionValuer.Value(asian, request, limits, cancellation),
            BarrierOption barrier => BarrierOptionValuer.Value(barrier, request, limits, cancellation),
            SpreadOption spread => SpreadOptionValuer.Value(spread, request, limits, cancellation),
            _ => throw new InvalidInputException("instrument", "must be a futures option, Asian, barrier or spread option, or an allowance future"),
        };
        return valuation.Scale(quantity);
    }
}

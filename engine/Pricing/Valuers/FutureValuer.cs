using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>A futures position, margined daily: value LotSize·(F − trade price), delta LotSize.</summary>
internal static class FutureValuer
{
    public static Valuation Value(AllowanceFuture future, ValuationRequest request)
    {
        future.Validate(request.Market.ValuationDate);
        double trade = Guard.Positive(request.TradePrice, "tradePrice");
        double forward = request.Market.FuturesCurveFor(future.Underlying).Price(future.Delivery);
        var zero = new GreekFigure(0, 0, "analytic");
        var greeks = request.Greeks
            ? new ValuationGreeks(new GreekFigure(future.LotSize, 0, "analytic"), zero, zero, zero, zero)
            : null;
        return new Valuation(future.LotSize * (forward - trade), 0, future.Currency, "analytic-futures", 0, greeks);
    }
}

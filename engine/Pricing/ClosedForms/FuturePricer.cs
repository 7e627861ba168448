using CarbonDerivatives.Engine.Numerics;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>A futures position, margined daily: value LotSize·(F − trade price), delta LotSize, no other Greek.</summary>
internal sealed class FuturePricer(double forward, double tradePrice, double lotSize, string currency) : IClosedFormPricer
{
    public string Method => "analytic-futures";

    public double Value(MarketShift shift) => lotSize * (shift.Forward(forward) - tradePrice);

    public Valuation Valuation(bool greeks)
    {
        var zero = GreekEstimate.Exact(0);
        return new Valuation(Value(MarketShift.None), 0, currency, Method, 0,
            greeks ? new ValuationGreeks(GreekEstimate.Exact(lotSize), zero, zero, zero, zero) : null);
    }
}

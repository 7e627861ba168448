using CarbonDerivatives.Engine.Numerics;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A spot or forward allowance holding valued from its futures price F by carry: spot Q·F·DF(T)·e^{yT} (= Q·S when the
/// curve is <c>FuturesCurve.FromSpot(S, …, y, …)</c>), forward Q·(F − K)·DF(T). Delta dV/dF, theta −dV/dT, rho dV/dr
/// in closed form; no gamma or vega.
/// </summary>
internal sealed class AllowanceHoldingPricer(double quantity, double forward, double? forwardPrice, double years, double discountFactor,
    double convenienceYield, string currency) : IClosedFormPricer
{
    public string Method => "analytic-carry";

    public double Value(MarketShift shift)
    {
        double df = shift.DiscountFactor(discountFactor, years), t = shift.Time(years);
        return forwardPrice is { } k
            ? quantity * (shift.Forward(forward) - k) * df
            : quantity * shift.Forward(forward) * df * Math.Exp(convenienceYield * t);
    }

    public Valuation Valuation(bool greeks)
    {
        double value = Value(MarketShift.None);
        double rate = years > 0 ? -Math.Log(discountFactor) / years : 0;
        // Spot: V = Q·F·e^{−(r−y)T}; forward: V = Q·(F − K)·e^{−rT}. Theta is −dV/dT at fixed F, rho dV/dr.
        double delta = forwardPrice is null ? quantity * discountFactor * Math.Exp(convenienceYield * years) : quantity * discountFactor;
        double theta = forwardPrice is null ? (rate - convenienceYield) * value : rate * value;
        var zero = GreekEstimate.Exact(0);
        return new Valuation(value, 0, currency, Method, 0, greeks
            ? new ValuationGreeks(GreekEstimate.Exact(delta), zero, zero, GreekEstimate.Exact(theta), GreekEstimate.Exact(-years * value))
            : null);
    }
}

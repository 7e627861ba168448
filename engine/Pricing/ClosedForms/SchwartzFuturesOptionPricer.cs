using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A European futures option under Schwartz one-factor mean reversion: Black-76 at the future's damped vol
/// √(Var(0, τ)/τ) (<see cref="SchwartzFuturesModel"/>); Greeks by finite differences, vega per unit of the spot σ.
/// Time passing shortens the expiry and the delivery alike.
/// </summary>
internal sealed class SchwartzFuturesOptionPricer(ResolvedFuturesOption option, double meanReversion, string currency) : IClosedFormPricer
{
    public string Method => "analytic-schwartz";

    public double Value(MarketShift shift)
    {
        var o = option.Shifted(shift);
        double vol = new SchwartzFuturesModel(o.Forward, o.Volatility, meanReversion, o.Delivery).BlackVolatility(o.Expiry);
        return o.LotSize * Black76.Price(o.Type, o.Forward, o.Strike, o.Expiry, vol, o.DiscountFactor);
    }

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0, greeks
        ? RevaluationGreeks.Compute(Value, option.Forward, option.Volatility, option.Expiry / 2, RevaluationGreeks.Bumps.ClosedForm, GreekMethod.FiniteDifference)
        : null);
}

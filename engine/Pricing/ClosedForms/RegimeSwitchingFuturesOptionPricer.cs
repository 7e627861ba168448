using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A European futures option under Markov-switching volatility: the occupation-time mixture
/// (<see cref="RegimeSwitchingEuropean"/>); Greeks by finite differences (vega 0: the market vol is not an input).
/// </summary>
internal sealed class RegimeSwitchingFuturesOptionPricer(ResolvedFuturesOption option, RegimeSwitchingParameters parameters, string currency)
    : IClosedFormPricer
{
    public string Method => "analytic-regime-switching";

    public double Value(MarketShift shift)
    {
        var o = option.Shifted(shift);
        return o.LotSize * RegimeSwitchingEuropean.Price(o.Type, o.Forward, o.Strike, o.Expiry, parameters, o.DiscountFactor);
    }

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0, greeks
        ? RevaluationGreeks.Compute(Value, option.Forward, option.Volatility, option.Expiry / 2, RevaluationGreeks.Bumps.ClosedForm, GreekMethod.FiniteDifference)
        : null);
}

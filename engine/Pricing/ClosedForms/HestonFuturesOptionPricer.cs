using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A European futures option under Heston: the Lewis integral (<see cref="HestonFourier"/>) at v₀ (given, or the
/// market's σ²: then vega is the sensitivity to that vol, and 0 with v₀ given); Greeks by finite differences.
/// </summary>
internal sealed class HestonFuturesOptionPricer(ResolvedFuturesOption option, HestonParameters parameters, string currency) : IClosedFormPricer
{
    public string Method => "analytic-heston";

    public double Value(MarketShift shift)
    {
        var o = option.Shifted(shift);
        double perTonne = Guard.Within("model.heston", () => HestonFourier.Price(o.Type, o.Forward, o.Strike, o.Expiry,
            parameters.StartVariance(o.Volatility), parameters, o.DiscountFactor));
        return o.LotSize * perTonne;
    }

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0, greeks
        ? RevaluationGreeks.Compute(Value, option.Forward, option.Volatility, option.Expiry / 2, RevaluationGreeks.Bumps.ClosedForm, GreekMethod.FiniteDifference)
        : null);
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A European option on the future delivering at the compliance date, under the structural compliance model: its
/// Gaussian integral (<see cref="CompliancePenalty"/>); Greeks by finite differences, vega per unit of the market
/// vol the model is calibrated to (0 with a given β).
/// </summary>
internal sealed class ComplianceFuturesOptionPricer(ResolvedFuturesOption option, ComplianceDynamics dynamics, string currency) : IClosedFormPricer
{
    public string Method => "analytic-compliance";

    public double Value(MarketShift shift)
    {
        var o = option.Shifted(shift);
        var model = PathModels.Compliance(dynamics, o.Forward, o.Volatility, o.Delivery, o.Expiry);
        return o.LotSize * CompliancePenalty.OptionPrice(model, o.Type, o.Strike, o.Expiry, o.DiscountFactor);
    }

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0, greeks
        ? RevaluationGreeks.Compute(Value, option.Forward, option.Volatility, option.Expiry / 2, RevaluationGreeks.Bumps.ClosedForm, GreekMethod.FiniteDifference)
        : null);
}

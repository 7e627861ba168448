using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>A European futures option under Black-76: the closed form and its analytic Greeks.</summary>
internal sealed class Black76FuturesOptionPricer(ResolvedFuturesOption option, string currency) : IClosedFormPricer
{
    public string Method => "analytic-black76";

    /// <summary>The closed form after the shift, without allocating (scenario revaluation calls it per scenario and position).</summary>
    public double Value(MarketShift shift)
    {
        double expiry = Math.Max(shift.Time(option.Expiry), 0);
        return option.LotSize * Black76.PriceUnchecked(option.Type, shift.Forward(option.Forward), option.Strike,
            shift.Volatility(option.Volatility) * Math.Sqrt(expiry), shift.DiscountFactor(option.DiscountFactor, option.Expiry));
    }

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0,
        greeks ? ValuationGreeks.Analytic(Black76OptionPricer.Greeks(option)) : null);
}

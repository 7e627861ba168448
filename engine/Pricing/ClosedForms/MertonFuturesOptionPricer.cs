using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>A European futures option under Merton jump-diffusion: the series (the market vol as the diffusion part), Greeks by finite differences.</summary>
internal sealed class MertonFuturesOptionPricer(ResolvedFuturesOption option, LogNormalJumps jumps, string currency) : IClosedFormPricer
{
    public string Method => "analytic-merton";

    public double Value(MarketShift shift)
    {
        var o = option.Shifted(shift);
        double perTonne = o.Expiry == 0
            ? Black76.PriceUnchecked(o.Type, o.Forward, o.Strike, 0, o.DiscountFactor)
            : MertonJumpDiffusion.Price(o.Type, o.Forward, o.Strike, o.Expiry, o.Volatility, jumps.Intensity, jumps.MeanLogJump,
                jumps.LogJumpVolatility, o.DiscountFactor);
        return o.LotSize * perTonne;
    }

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0, greeks
        ? RevaluationGreeks.Compute(Value, option.Forward, option.Volatility, option.Expiry / 2, RevaluationGreeks.Bumps.ClosedForm, GreekMethod.FiniteDifference)
        : null);
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// An average-price option under Black-76: geometric exact, arithmetic by Turnbull–Wakeman; Greeks by finite
/// differences. Fixings that a time shift moves into the past fix at the shifted futures price.
/// </summary>
internal sealed class Black76AsianPricer(ResolvedAsianOption option, string currency) : IClosedFormPricer
{
    public string Method => option.Average == AverageKind.Geometric ? "analytic-geometric-asian" : "analytic-turnbull-wakeman";

    public double Value(MarketShift shift) => AsianOptionPricer.PriceAnalytic(shift == MarketShift.None ? option : option.Shifted(shift));

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0, greeks
        ? RevaluationGreeks.Compute(Value, option.Forward, option.Volatility, MaxTimeShift(option), RevaluationGreeks.Bumps.ClosedForm, GreekMethod.FiniteDifference)
        : null);

    /// <summary>Half the time to the next fixing (0 when every fixing is past).</summary>
    public static double MaxTimeShift(ResolvedAsianOption o) => o.FixingTimes.Length > 0 ? o.FixingTimes[0] / 2 : 0;
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// An American or Bermudan futures option under Black-76 on the 1,000-step CRR tree
/// (<see cref="BinomialFuturesOptionPricer"/>); Greeks by wide central differences of the tree. At expiry the
/// tree gives the discounted intrinsic value.
/// </summary>
internal sealed class BinomialTreePricer(ResolvedFuturesOption option, string currency) : IClosedFormPricer
{
    public string Method => "binomial-crr";

    public double Value(MarketShift shift)
    {
        var o = option.Shifted(shift);
        return BinomialFuturesOptionPricer.Price(o, o.Exercise);
    }

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0, greeks
        ? RevaluationGreeks.Compute(Value, option.Forward, option.Volatility, MaxTimeShift(option), RevaluationGreeks.Bumps.Tree, GreekMethod.TreeBump)
        : null);

    /// <summary>Half the time to the first exercise date (or expiry): the theta step that keeps every date ahead.</summary>
    public static double MaxTimeShift(ResolvedFuturesOption o) =>
        Math.Min(o.Expiry, o.Exercise.Times.Count > 0 ? o.Exercise.Times[0] : o.Expiry) / 2;
}

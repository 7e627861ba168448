using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A spread or calendar-spread option on correlated Black-76 legs: Margrabe (K = 0, exact Greeks) or Kirk
/// (finite differences of the approximation). Its <see cref="ValuationGreeks"/> are the parallel figures — both
/// futures and both vols moved together: Δ₁ + Δ₂, Γ₁ + 2Γ₁₂ + Γ₂, ν₁ + ν₂ — with theta and rho by central
/// differences of the formula in time and rate.
/// </summary>
internal sealed class Black76SpreadPricer(ResolvedSpreadOption option, string currency) : IClosedFormPricer
{
    public string Method => $"analytic-{(option.Strike == 0 ? "margrabe" : "kirk")}";

    public double Value(MarketShift shift) => Value(shift, shift);

    public double Value(MarketShift leg1, MarketShift leg2) =>
        SpreadOptionPricer.PriceAnalytic(leg1 == MarketShift.None && leg2 == MarketShift.None ? option : option.Shifted(leg1, leg2)).Value;

    public Valuation Valuation(bool greeks)
    {
        double value = Value(MarketShift.None);
        if (!greeks) return new Valuation(value, 0, currency, Method, 0, null);
        var legs = option.Strike == 0 ? SpreadOptionGreeks.Analytic(option) : SpreadOptionGreeks.FiniteDifferenceOfKirk(option);
        var (_, _, _, theta, rho) = RevaluationGreeks.Stencils(1, 0, option.Expiry / 2, RevaluationGreeks.Bumps.ClosedForm);
        GreekEstimate Difference(RevaluationGreeks.Stencil s) => new(s.Points.Sum(p => p.Weight * Value(p.Shift)), 0, GreekMethod.FiniteDifference);
        return new Valuation(value, 0, currency, Method, 0, Parallel(legs, Difference(theta), Difference(rho)), SpreadGreeks: legs);
    }

    /// <summary>The parallel delta, gamma and vega of a spread from its per-leg figures.</summary>
    public static ValuationGreeks Parallel(SpreadGreeks legs, GreekEstimate theta, GreekEstimate rho)
    {
        static GreekEstimate Sum(GreekMethod method, params (GreekEstimate Figure, double Weight)[] terms) =>
            new(terms.Sum(t => t.Weight * t.Figure.Value), Math.Sqrt(terms.Sum(t => Math.Pow(t.Weight * t.Figure.StandardError, 2))), method);
        var method = legs.Delta1.Method;
        return new ValuationGreeks(Sum(method, (legs.Delta1, 1), (legs.Delta2, 1)),
            Sum(method, (legs.Gamma1, 1), (legs.CrossGamma, 2), (legs.Gamma2, 1)), Sum(method, (legs.Vega1, 1), (legs.Vega2, 1)), theta, rho);
    }
}

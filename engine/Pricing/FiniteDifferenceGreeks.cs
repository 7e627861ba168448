namespace CarbonDerivatives.Engine.Pricing;

/// <summary>Greeks of a closed-form price V(F, σ, T, r) by <see cref="RevaluationGreeks"/> with small bumps.</summary>
internal static class FiniteDifferenceGreeks
{
    public static ValuationGreeks Compute(Func<double, double, double, double, double> price, double forward, double vol, double expiry, double rate) =>
        RevaluationGreeks.Compute(s => (price(s.Forward(forward), s.Volatility(vol), s.Time(expiry), rate + s.RateShift), 0), forward, vol,
            expiry / 2, RevaluationGreeks.Bumps.ClosedForm, "finite-difference");
}

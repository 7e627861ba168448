using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>One revaluation of a product under a market shift: value, standard error (0 for a closed form) and paths.</summary>
internal readonly record struct Revalued(double Value, double StandardError, long Paths)
{
    public static Revalued ClosedForm(double value) => new(value, 0, 0);

    public static Revalued Of(MonteCarloEstimate estimate) => new(estimate.Value, estimate.StandardError, estimate.Paths);
}

/// <summary>
/// A valuation whose value is the revaluation at no shift and whose Greeks, when asked for, are central
/// differences of the same revaluation under shifts (<see cref="RevaluationGreeks"/>).
/// </summary>
internal static class Revaluation
{
    public static Valuation Of(Func<MarketShift, Revalued> price, double forward, double volatility, double maxTimeShift,
        RevaluationGreeks.Bumps bumps, string greekMethod, bool greeks, string currency, string method)
    {
        var value = price(MarketShift.None);
        var figures = greeks
            ? RevaluationGreeks.Compute(s => { var p = price(s); return (p.Value, p.StandardError); }, forward, volatility, maxTimeShift, bumps, greekMethod)
            : null;
        return new Valuation(value.Value, value.StandardError, currency, method, value.Paths, figures);
    }

    /// <summary>Closed forms take small bumps (finite differences), Monte Carlo the CRN bumps.</summary>
    public static (RevaluationGreeks.Bumps Bumps, string Method) BumpsFor(bool closedForm) => closedForm
        ? (RevaluationGreeks.Bumps.ClosedForm, "finite-difference")
        : (RevaluationGreeks.Bumps.MonteCarlo, "crn-bump");
}

using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// An option valued with and without daily price limits on the same random paths (same seed): per lot,
/// discounted, each with its standard error.
/// </summary>
/// <param name="WithLimits">Paying on the limit-constrained settlement price at expiry.</param>
/// <param name="WithoutLimits">Paying on the unconstrained (fundamental) price at expiry.</param>
public sealed record PriceLimitValuation(MonteCarloEstimate WithLimits, MonteCarloEstimate WithoutLimits)
{
    /// <summary>WithLimits − WithoutLimits (what the limits are worth to the holder; its SE is not estimated).</summary>
    public double LimitEffect => WithLimits.Value - WithoutLimits.Value;
}

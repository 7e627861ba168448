namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// A stepper whose log-price step has a known variance given where the step starts: what a continuously monitored barrier's
/// Brownian bridge needs between two simulated prices when the vol depends on the price (local volatility).
/// </summary>
public interface IStepVariance
{
    /// <summary>Var(ln F_{k+1} | ln F_k) of step <paramref name="step"/> for each path's ln F_k: σ²Δt.</summary>
    void VariancesOverStep(int step, ReadOnlySpan<double> logPrices, Span<double> variances);
}

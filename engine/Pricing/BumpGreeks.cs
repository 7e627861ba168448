using CarbonDerivatives.Engine.Numerics;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// Bump-and-revalue sensitivities on the same simulated paths as the base value (common random
/// numbers), reported beside the pathwise and likelihood-ratio figures as a cross-check. Units as in
/// <see cref="ValuationGreeks"/>; central differences with the bumps of <see cref="SensitivityBumps"/>.
/// </summary>
/// <param name="Delta">(V(F(1+h)) − V(F(1−h))) / (2hF).</param>
/// <param name="Gamma">(V(F(1+h)) − 2V(F) + V(F(1−h))) / (hF)².</param>
/// <param name="Vega">(V(σ + dσ) − V(σ − dσ)) / (2dσ).</param>
/// <param name="Theta">(V(T − δ) − V(T)) / δ, the path observed δ earlier (δ = <see cref="SensitivityBumps.ThetaDays"/>/365).</param>
public sealed record BumpGreeks(GreekEstimate Delta, GreekEstimate Gamma, GreekEstimate Vega, GreekEstimate Theta)
{
    /// <summary>Every figure multiplied by <paramref name="factor"/>.</summary>
    public BumpGreeks Scale(double factor) => new(Delta.Scale(factor), Gamma.Scale(factor), Vega.Scale(factor), Theta.Scale(factor));
}

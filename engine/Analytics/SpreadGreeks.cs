using CarbonDerivatives.Engine.Numerics;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Sensitivities of one long lot of a spread option, discounted, in the option currency; each with its
/// standard error (0 when analytic) and method. Futures prices Fᵢ are in each leg's own currency
/// (before conversion), volatilities per unit (1.00 = 100 vol points).
/// </summary>
/// <param name="Delta1">∂V/∂F₁, per unit of leg 1's futures price.</param>
/// <param name="Delta2">∂V/∂F₂ (negative for a call).</param>
/// <param name="Gamma1">∂²V/∂F₁².</param>
/// <param name="Gamma2">∂²V/∂F₂².</param>
/// <param name="CrossGamma">∂²V/∂F₁∂F₂.</param>
/// <param name="Vega1">∂V/∂σ₁.</param>
/// <param name="Vega2">∂V/∂σ₂.</param>
/// <param name="CorrelationSensitivity">∂V/∂ρ.</param>
public sealed record SpreadGreeks(
    GreekEstimate Delta1,
    GreekEstimate Delta2,
    GreekEstimate Gamma1,
    GreekEstimate Gamma2,
    GreekEstimate CrossGamma,
    GreekEstimate Vega1,
    GreekEstimate Vega2,
    GreekEstimate CorrelationSensitivity)
{
    /// <summary>Every figure multiplied by <paramref name="factor"/> (a quantity of lots).</summary>
    public SpreadGreeks Scale(double factor) => new(Delta1.Scale(factor), Delta2.Scale(factor), Gamma1.Scale(factor), Gamma2.Scale(factor),
        CrossGamma.Scale(factor), Vega1.Scale(factor), Vega2.Scale(factor), CorrelationSensitivity.Scale(factor));
}

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// Correlation between two futures of the same allowance with different deliveries (calendar spreads,
/// e.g. EUA Dec-26 vs Dec-27): ρ(T₁, T₂) = exp(−β|T₁ − T₂|), the usual parametric term-structure
/// correlation (decorrelation rate β per year of delivery gap; β = 0 gives ρ = 1).
/// </summary>
public static class TermStructureCorrelation
{
    /// <summary>exp(−β|T₁ − T₂|).</summary>
    /// <param name="decay">β per year; &gt;= 0.</param>
    /// <param name="delivery1">T₁, years to the first future's delivery; &gt;= 0.</param>
    /// <param name="delivery2">T₂, years to the second future's delivery; &gt;= 0.</param>
    /// <exception cref="InvalidInputException">"decay", "delivery1" or "delivery2".</exception>
    public static double Exponential(double decay, double delivery1, double delivery2)
    {
        Guard.NonNegative(decay, "termStructureDecay");
        Guard.NonNegative(delivery1, "delivery1");
        Guard.NonNegative(delivery2, "delivery2");
        return Math.Exp(-decay * Math.Abs(delivery1 - delivery2));
    }
}

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>A <see cref="SpreadLeg"/> resolved against a market: numbers only.</summary>
public sealed record ResolvedSpreadLeg
{
    /// <summary>Creates the leg; inputs are checked and named as "{field}.forward" etc.</summary>
    /// <param name="forward">Futures price, in the leg's currency per unit; &gt; 0.</param>
    /// <param name="volatility">Black volatility per annum; in [0, 10].</param>
    /// <param name="weight">wᵢ = quantity × conversion factor, option currency per unit of the leg's price; &gt; 0.</param>
    /// <param name="field">Name of the leg in errors, e.g. "leg1".</param>
    public ResolvedSpreadLeg(double forward, double volatility, double weight, string field = "leg")
    {
        Forward = Guard.Positive(forward, $"{field}.forward");
        Volatility = Guard.InRange(volatility, 0, 10, $"{field}.volatility");
        Weight = Guard.Positive(weight, $"{field}.weight");
    }

    /// <summary>Futures price in the leg's currency per unit.</summary>
    public double Forward { get; }

    /// <summary>Black volatility per annum.</summary>
    public double Volatility { get; }

    /// <summary>wᵢ, option currency per unit of the leg's futures price.</summary>
    public double Weight { get; }

    /// <summary>wᵢFᵢ, the leg's value in option currency per unit of spread.</summary>
    public double WeightedForward => Weight * Forward;
}

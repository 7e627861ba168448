namespace CarbonDerivatives.Engine.Products;

/// <summary>How an average-price (Asian) option averages its fixings.</summary>
public enum AverageKind
{
    /// <summary>A = (1/N) Σ S_i: the listed-contract convention.</summary>
    Arithmetic,
    /// <summary>G = (Π S_i)^(1/N): lognormal under Black-76, so it has an exact closed form.</summary>
    Geometric,
}

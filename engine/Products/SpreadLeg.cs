namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// One leg of a <see cref="SpreadOption"/>: a quantity of an allowance future, converted into the
/// option currency at a fixed rate.
/// </summary>
/// <param name="Underlying">Allowance code, e.g. "EUA", "UKA", "CCA"; the key of its futures curve and vol surface.</param>
/// <param name="FuturesDelivery">Delivery date of the leg's future (e.g. Dec-26); on or after the option expiry.</param>
/// <param name="Quantity">Futures units per unit of spread (the ratio wᵢ before conversion); &gt; 0.</param>
/// <param name="ConversionFactor">Option-currency units per unit of the leg's currency (e.g. EUR per USD
/// for a CCA leg in a EUR spread). FX is treated as a deterministic conversion: no FX volatility and no
/// quanto correlation enter the price. 1 when the leg is already in the option currency; &gt; 0.</param>
public sealed record SpreadLeg(string Underlying, DateOnly FuturesDelivery, double Quantity = 1, double ConversionFactor = 1)
{
    /// <summary>wᵢ = quantity × conversion factor: option-currency units per unit move of the leg's futures price.</summary>
    public double Weight => Quantity * ConversionFactor;
}

using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a <see cref="ResolvedAsianOption"/>. Every figure is per lot in the option's currency,
/// discounted to today from settlement (the last fixing): LotSize × DF × the undiscounted per-tonne value.
/// </summary>
public static class AsianOptionPricer
{
    /// <summary>
    /// Fast analytic value of one long lot under Black-76: exact for a geometric average
    /// (<see cref="DiscreteGeometricAsian"/>), the Turnbull–Wakeman approximation for an arithmetic one
    /// (<see cref="TurnbullWakemanAsian"/>).
    /// </summary>
    public static double PriceAnalytic(ResolvedAsianOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double perTonne = option.Average == AverageKind.Geometric
            ? DiscreteGeometricAsian.Price(option)
            : TurnbullWakemanAsian.Price(option);
        return option.LotSize * perTonne;
    }
}

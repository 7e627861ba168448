using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a <see cref="ResolvedSpreadOption"/> per lot, discounted, in the option currency, in closed form:
/// Margrabe when K = 0, Kirk otherwise (Monte Carlo on correlated legs is in Pricing.MonteCarlo).
/// </summary>
public static class SpreadOptionPricer
{
    /// <summary>Margrabe (exact) when the strike is 0, Kirk's approximation otherwise.</summary>
    public static SpreadPrice PriceAnalytic(ResolvedSpreadOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double a = option.Leg1.WeightedForward, b = option.Leg2.WeightedForward;
        double sigma1 = option.Leg1.Volatility, sigma2 = option.Leg2.Volatility;
        double scale = option.LotSize;
        return option.Strike == 0
            ? new SpreadPrice(scale * Margrabe.Price(option.Type, a, b, option.Expiry, sigma1, sigma2, option.Correlation, option.DiscountFactor), "margrabe")
            : new SpreadPrice(scale * Kirk.Price(option.Type, a, b, option.Strike, option.Expiry, sigma1, sigma2, option.Correlation, option.DiscountFactor), "kirk");
    }
}

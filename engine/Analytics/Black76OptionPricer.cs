using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a <see cref="ResolvedFuturesOption"/> with the Black-76 closed form. Every figure is per
/// lot in the option's currency: LotSize × the per-tonne figure of <see cref="Black76"/>.
/// </summary>
public static class Black76OptionPricer
{
    /// <summary>Present value of one long lot.</summary>
    public static double Price(ResolvedFuturesOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double stdDev = option.Volatility * Math.Sqrt(option.Expiry);
        return option.LotSize * Black76.PriceUnchecked(option.Type, option.Forward, option.Strike, stdDev,
            option.DiscountFactor);
    }

    /// <summary>
    /// Price and Greeks of one long lot (see <see cref="Black76Greeks"/> for units). Theta and rho use the
    /// continuously compounded rate implied by the discount factor, r = −ln(DF)/T (0 at expiry).
    /// </summary>
    public static Black76Greeks Greeks(ResolvedFuturesOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double rate = option.Expiry > 0 ? -Math.Log(option.DiscountFactor) / option.Expiry : 0.0;
        return Black76.GreeksUnchecked(option.Type, option.Forward, option.Strike, option.Expiry,
            option.Volatility, option.DiscountFactor, rate).Scale(option.LotSize);
    }
}

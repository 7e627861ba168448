using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Exact price of a discrete geometric-average option on a futures price under Black-76 (drift 0),
/// with a partially fixed average. With m fixings to come at t_1 &lt; … &lt; t_m and N fixings in all,
/// ln G = (1/N)(Σ_past ln P_j + Σ_i ln F_{t_i}) is normal with
/// mean μ = (Σ_past ln P_j + m ln F − ½σ² Σ t_i)/N and variance v = σ²/N² Σ_i Σ_k min(t_i, t_k),
/// so the option is Black-76 on the "forward" E[G] = exp(μ + v/2) with total deviation √v.
/// Source: E. Levy, "Asian options", in Clewlow &amp; Strickland (eds.), Exotic Options: The State of
/// the Art (1997) 65–97; Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007) §4.20.1
/// with cost of carry b = 0. Prices are per tonne, discounted, in the strike's currency.
/// </summary>
public static class DiscreteGeometricAsian
{
    /// <summary>Present value per tonne of <paramref name="option"/> as a geometric-average option
    /// (whatever its <see cref="ResolvedAsianOption.Average"/>).</summary>
    public static double Price(ResolvedAsianOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return PriceUnchecked(option.Type, option.Forward, option.Strike, option.FixingTimes, option.PastLogSum,
            option.FixingCount, option.Volatility, option.DiscountFactor);
    }

    /// <summary>The closed form on trusted inputs; <paramref name="pastLogSum"/> = Σ ln of the fixed prices.</summary>
    internal static double PriceUnchecked(OptionType type, double forward, double strike, ReadOnlySpan<double> fixingTimes,
        double pastLogSum, int fixingCount, double volatility, double discountFactor)
    {
        int m = fixingTimes.Length;
        double n = fixingCount, timeSum = 0, minSum = 0;
        for (int k = 0; k < m; k++)
        {
            timeSum += fixingTimes[k];
            minSum += fixingTimes[k] * (2 * (m - 1 - k) + 1); // t_k is the min of 2(m−1−k)+1 ordered pairs
        }
        double variance = volatility * volatility * minSum / (n * n);
        double mean = (pastLogSum + m * Math.Log(forward) - 0.5 * volatility * volatility * timeSum) / n;
        double expectedAverage = Math.Exp(mean + 0.5 * variance);
        return Black76.PriceUnchecked(type, expectedAverage, strike, Math.Sqrt(variance), discountFactor);
    }
}

using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Turnbull–Wakeman / Levy moment-matching approximation for a discrete arithmetic-average option on a
/// futures price under Black-76 (drift 0), with a partially fixed average. The known part
/// A_known = Σ_past P_j / N moves into the strike, K* = K − A_known; the future part
/// A_f = (1/N) Σ_i F_{t_i} is replaced by a lognormal with its exact first two moments,
/// E[A_f] = mF/N and E[A_f²]/E[A_f]² = (1/m²) Σ_i Σ_k exp(σ² min(t_i, t_k)), and priced by Black-76.
/// When K* &lt;= 0 the call is certain to be exercised and is worth DF·(E[A] − K); the put is worthless.
/// Sources: S. Turnbull &amp; L. Wakeman, "A quick algorithm for pricing European average options",
/// J. Financial and Quantitative Analysis 26 (1991) 377–389; E. Levy, "Pricing European average rate
/// currency options", J. Int. Money and Finance 11 (1992) 474–491; Haug, The Complete Guide to Option
/// Pricing Formulas, 2nd ed. (2007) §4.20.2 (b = 0, partially fixed average). Accuracy: within a few
/// tenths of a percent of the price for σ√T up to about 0.5; it degrades for high total volatility.
/// Prices are per tonne, discounted, in the strike's currency.
/// </summary>
public static class TurnbullWakemanAsian
{
    /// <summary>Present value per tonne of <paramref name="option"/> as an arithmetic-average option
    /// (whatever its <see cref="ResolvedAsianOption.Average"/>).</summary>
    public static double Price(ResolvedAsianOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return PriceUnchecked(option.Type, option.Forward, option.Strike, option.FixingTimes, option.PastSum,
            option.FixingCount, option.Volatility, option.DiscountFactor);
    }

    /// <summary>The approximation on trusted inputs; <paramref name="pastSum"/> = Σ of the fixed prices.</summary>
    internal static double PriceUnchecked(OptionType type, double forward, double strike, ReadOnlySpan<double> fixingTimes,
        double pastSum, int fixingCount, double volatility, double discountFactor)
    {
        int m = fixingTimes.Length;
        double n = fixingCount;
        double knownPart = pastSum / n;
        double futureMean = m * forward / n;
        double adjustedStrike = strike - knownPart;
        if (adjustedStrike <= 0)
            return type == OptionType.Call ? discountFactor * (knownPart + futureMean - strike) : 0.0;
        if (m == 0) return type == OptionType.Put ? discountFactor * adjustedStrike : 0.0;

        // E[A_f²]/E[A_f]² − 1 summed with expm1 so that small σ²t keeps its digits.
        double excess = 0;
        for (int k = 0; k < m; k++)
            excess += double.ExpM1(volatility * volatility * fixingTimes[k]) * (2 * (m - 1 - k) + 1);
        excess /= (double)m * m;
        return Black76.PriceUnchecked(type, futureMean, adjustedStrike, Math.Sqrt(double.LogP1(excess)), discountFactor);
    }
}

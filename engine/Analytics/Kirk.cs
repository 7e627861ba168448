using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Kirk (1995) approximation for a spread option on two futures, call = max(A − B − K, 0): the strike
/// is folded into a leg that is treated as lognormal, and the result is Margrabe's formula.
/// For K &gt;= 0 (the usual form): B + K lognormal with volatility σ_B·b, b = B/(B + K), so
/// σ = √(σ_A² − 2ρσ_Aσ_B·b + σ_B²b²) and V = Black76(A, B + K, σ).
/// For K &lt; 0 (mirror form, B + K may be negative): A − K lognormal with volatility σ_A·a,
/// a = A/(A − K), σ = √(σ_A²a² − 2ρσ_Aσ_B·a + σ_B²) and V = Black76(A − K, B, σ).
/// Exact (Margrabe) at K = 0; accurate for small |K| relative to the legs and moderate correlation;
/// it degrades for large |K|, high volatility and long expiries (see the tests' reported errors).
/// Put-call parity C − P = DF·(A − B − K) holds exactly.
/// Source: E. Kirk, "Correlation in the energy markets", in Managing Energy Price Risk, Risk Publications
/// (1995) 71–78; Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §5.2.
/// </summary>
public static class Kirk
{
    /// <summary>Approximate present value per unit, in the currency of A, B and K.</summary>
    /// <param name="type">Call on A − B − K, or put.</param>
    /// <param name="forward1">A, the weighted long-leg futures price; &gt; 0.</param>
    /// <param name="forward2">B, the weighted short-leg futures price; &gt; 0.</param>
    /// <param name="strike">K; any finite number.</param>
    /// <param name="expiry">Years to expiry; &gt;= 0.</param>
    /// <param name="volatility1">σ_A per annum; &gt;= 0.</param>
    /// <param name="volatility2">σ_B per annum; &gt;= 0.</param>
    /// <param name="correlation">ρ in [−1, 1].</param>
    /// <param name="discountFactor">Discount factor to payment; &gt; 0.</param>
    /// <exception cref="InvalidInputException">An input is non-finite or out of range; Field names it.</exception>
    public static double Price(OptionType type, double forward1, double forward2, double strike, double expiry,
        double volatility1, double volatility2, double correlation, double discountFactor)
    {
        Margrabe.Validate(forward1, forward2, expiry, volatility1, volatility2, correlation, discountFactor);
        Guard.Finite(strike, "strike");
        double sqrtT = Math.Sqrt(expiry);
        if (strike >= 0)
        {
            double shifted = forward2 + strike;
            double volatility = Margrabe.ExchangeVolatility(volatility1, volatility2 * forward2 / shifted, correlation);
            return Black76.PriceUnchecked(type, forward1, shifted, volatility * sqrtT, discountFactor);
        }
        else
        {
            double shifted = forward1 - strike;
            double volatility = Margrabe.ExchangeVolatility(volatility1 * forward1 / shifted, volatility2, correlation);
            return Black76.PriceUnchecked(type, shifted, forward2, volatility * sqrtT, discountFactor);
        }
    }
}

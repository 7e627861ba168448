using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Margrabe (1978) exchange option on two futures prices (no carry): a call pays max(A − B, 0), a put
/// max(B − A, 0), with A, B correlated lognormal martingales. Its value is Black-76 with forward A,
/// strike B and the volatility of the ratio A/B, σ = √(σ_A² − 2ρσ_Aσ_B + σ_B²):
/// V = DF·(A·N(d₁) − B·N(d₂)), d₁ = ln(A/B)/(σ√T) + σ√T/2, d₂ = d₁ − σ√T.
/// Source: W. Margrabe, "The value of an option to exchange one asset for another", J. Finance 33(1)
/// (1978) 177–186; Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §5.1.
/// </summary>
public static class Margrabe
{
    /// <summary>Present value per unit, in the currency of A and B.</summary>
    /// <param name="type">Call on A − B, or put.</param>
    /// <param name="forward1">A, the weighted futures price received by the call; &gt; 0.</param>
    /// <param name="forward2">B, the weighted futures price delivered; &gt; 0.</param>
    /// <param name="expiry">Years to expiry; &gt;= 0.</param>
    /// <param name="volatility1">σ_A per annum; &gt;= 0.</param>
    /// <param name="volatility2">σ_B per annum; &gt;= 0.</param>
    /// <param name="correlation">ρ in [−1, 1].</param>
    /// <param name="discountFactor">Discount factor to payment; &gt; 0.</param>
    /// <exception cref="InvalidInputException">An input is non-finite or out of range; Field names it.</exception>
    public static double Price(OptionType type, double forward1, double forward2, double expiry, double volatility1,
        double volatility2, double correlation, double discountFactor)
    {
        Validate(forward1, forward2, expiry, volatility1, volatility2, correlation, discountFactor);
        double volatility = ExchangeVolatility(volatility1, volatility2, correlation);
        return Black76.PriceUnchecked(type, forward1, forward2, volatility * Math.Sqrt(expiry), discountFactor);
    }

    /// <summary>σ = √(σ₁² − 2ρσ₁σ₂ + σ₂²), the volatility of the ratio of two correlated lognormals (floored at 0 against rounding).</summary>
    public static double ExchangeVolatility(double volatility1, double volatility2, double correlation) =>
        Math.Sqrt(Math.Max(volatility1 * volatility1 - 2 * correlation * volatility1 * volatility2 + volatility2 * volatility2, 0.0));

    internal static void Validate(double forward1, double forward2, double expiry, double volatility1, double volatility2,
        double correlation, double discountFactor)
    {
        Guard.Positive(forward1, "forward1");
        Guard.Positive(forward2, "forward2");
        Guard.NonNegative(expiry, "expiry");
        Guard.NonNegative(volatility1, "volatility1");
        Guard.NonNegative(volatility2, "volatility2");
        Guard.InRange(correlation, -1, 1, "correlation");
        Guard.Positive(discountFactor, "discountFactor");
    }
}

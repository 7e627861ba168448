using CarbonDerivatives.Engine.Numerics;
namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Price and first- and second-order sensitivities of a position or a bucket of positions. For a
/// position: in its instrument's currency; for a bucket: in the portfolio's reporting currency.
/// </summary>
/// <param name="Price">Present value (options discounted to today; futures lots·lotSize·(F − trade price)).</param>
/// <param name="Delta">dV/dF per unit of the futures price (currency per currency-per-tonne, i.e. tonnes
/// for a position in its own currency); discount factor, vol and time held fixed.</param>
/// <param name="Gamma">d²V/dF².</param>
/// <param name="Vega">dV/dσ per unit of volatility (1.00 = 100 vol points); divide by 100 per point.
/// The vol of each option moves by the same absolute amount (a parallel surface shift).</param>
/// <param name="Theta">dV/dt per calendar year (futures price, vol and continuously compounded rate held
/// fixed); divide by 365 per day.</param>
/// <param name="Rho">dV/dr per unit of the continuously compounded rate, futures price held fixed (−T·V for
/// an option whose premium is discounted from expiry).</param>
public sealed record RiskMeasures(GreekEstimate Price, GreekEstimate Delta, GreekEstimate Gamma, GreekEstimate Vega,
    GreekEstimate Theta, GreekEstimate Rho)
{
    /// <summary>The price and Greeks of a valuation (in its currency, for its quantity).</summary>
    public static RiskMeasures Of(Pricing.Valuation v) => new(v.Figure(Pricing.Figure.Value), v.Figure(Pricing.Figure.Delta),
        v.Figure(Pricing.Figure.Gamma), v.Figure(Pricing.Figure.Vega), v.Figure(Pricing.Figure.Theta), v.Figure(Pricing.Figure.Rho));

    /// <summary>Every figure (value and SE) multiplied by <paramref name="factor"/>.</summary>
    public RiskMeasures Scale(double factor) =>
        new(Price.Scale(factor), Delta.Scale(factor), Gamma.Scale(factor), Vega.Scale(factor), Theta.Scale(factor), Rho.Scale(factor));
}

/// <summary>The six slots of <see cref="RiskMeasures"/>, in order.</summary>
internal enum RiskSlot
{
    Price,
    Delta,
    Gamma,
    Vega,
    Theta,
    Rho,
}

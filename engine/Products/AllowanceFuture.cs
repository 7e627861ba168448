using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A futures contract on emission allowances (e.g. ICE Endex EUA Dec-26: 1,000 t CO2e, EUR),
/// physically settled on <paramref name="Delivery"/>.
/// </summary>
/// <param name="Underlying">Allowance code, e.g. "EUA", "UKA"; the key of its futures curve.</param>
/// <param name="Delivery">Delivery (settlement) date of the contract.</param>
/// <param name="LotSize">Allowances per lot in tonnes CO2e (1,000 for ICE/EEX EUA futures); &gt; 0.</param>
/// <param name="Currency">ISO code of the price currency, e.g. "EUR".</param>
public sealed record AllowanceFuture(string Underlying, DateOnly Delivery, double LotSize, string Currency) : IAllowanceInstrument
{
    /// <inheritdoc/>
    DateOnly IAllowanceInstrument.FuturesDelivery => Delivery;

    /// <summary>
    /// Gain of one long lot bought at <paramref name="tradePrice"/> when the final futures price is
    /// <paramref name="finalPrice"/>: LotSize·(F_T − tradePrice), in <see cref="Currency"/>; negate for a short.
    /// </summary>
    public double Payoff(double finalPrice, double tradePrice) =>
        LotSize * (Guard.Finite(finalPrice, "finalPrice") - Guard.Finite(tradePrice, "tradePrice"));

    /// <summary>Checks the contract terms.</summary>
    /// <exception cref="InvalidInputException">"underlying", "lotSize", "currency" or "delivery" (before
    /// <paramref name="valuationDate"/>).</exception>
    public void Validate(DateOnly valuationDate)
    {
        ProductChecks.Code(Underlying, "underlying");
        ProductChecks.Code(Currency, "currency");
        Guard.Positive(LotSize, "lotSize");
        if (Delivery < valuationDate)
            Guard.Fail("delivery", $"must not precede the valuation date {valuationDate:yyyy-MM-dd}, got {Delivery:yyyy-MM-dd}");
    }
}

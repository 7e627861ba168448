using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A holding of allowances: spot (held now) when <paramref name="ForwardDate"/> is null, otherwise a
/// forward purchase (positive quantity) or sale (negative) for delivery on that date at
/// <paramref name="ForwardPrice"/>.
/// </summary>
/// <param name="Underlying">Allowance code, e.g. "EUA".</param>
/// <param name="Quantity">Signed quantity in tonnes CO2e (allowances); long &gt; 0.</param>
/// <param name="Currency">ISO code of the price currency.</param>
/// <param name="ForwardDate">Delivery date of a forward; null for a spot holding.</param>
/// <param name="ForwardPrice">Agreed price per tonne of a forward; required with, and only with, a forward date.</param>
public sealed record AllowancePosition(
    string Underlying,
    double Quantity,
    string Currency,
    DateOnly? ForwardDate = null,
    double? ForwardPrice = null)
{
    /// <summary>True for a forward, false for a spot holding.</summary>
    public bool IsForward => ForwardDate is not null;

    /// <summary>
    /// Value at delivery (forward) or now (spot) when allowances trade at <paramref name="allowancePrice"/>:
    /// Quantity·(S − ForwardPrice) for a forward, Quantity·S for a spot holding, in <see cref="Currency"/>.
    /// </summary>
    public double Payoff(double allowancePrice)
    {
        Guard.Finite(allowancePrice, "allowancePrice");
        return Quantity * (allowancePrice - (ForwardPrice ?? 0.0));
    }

    /// <summary>Checks the terms.</summary>
    /// <exception cref="InvalidInputException">"underlying", "currency", "quantity", "forwardDate" (before the
    /// valuation date, or missing with a price) or "forwardPrice" (missing with a date, or not positive).</exception>
    public void Validate(DateOnly valuationDate)
    {
        ProductChecks.Code(Underlying, "underlying");
        ProductChecks.Code(Currency, "currency");
        Guard.Finite(Quantity, "quantity");
        if (ForwardDate is null && ForwardPrice is not null) Guard.Fail("forwardDate", "is required with a forward price");
        if (ForwardDate is { } date)
        {
            if (ForwardPrice is not { } price) Guard.Fail("forwardPrice", "is required with a forward date");
            else Guard.Positive(price, "forwardPrice");
            if (date < valuationDate)
                Guard.Fail("forwardDate", $"must not precede the valuation date {valuationDate:yyyy-MM-dd}, got {date:yyyy-MM-dd}");
        }
    }
}

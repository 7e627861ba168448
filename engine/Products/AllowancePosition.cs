using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A holding of allowances: spot (held now) when <paramref name="ForwardDate"/> is null, otherwise a
/// forward purchase (positive quantity) or sale (negative) for delivery on that date at
/// <paramref name="ForwardPrice"/>. In a portfolio it is one lot of <paramref name="Quantity"/> tonnes: a spot holding is
/// worth the spot the futures curve implies by carry, S = F(T)·e^{−(r−y)T} (the inverse of
/// <see cref="Market.FuturesCurve.FromSpot(double, DateOnly, Market.IDiscountCurve, double, IEnumerable{DateOnly})"/>), T the
/// years to <paramref name="CarryDelivery"/> and y the <paramref name="ConvenienceYield"/>; a forward Q·(F(T_f) − K)·DF(T_f).
/// </summary>
/// <param name="Underlying">Allowance code, e.g. "EUA".</param>
/// <param name="Quantity">Signed quantity in tonnes CO2e (allowances); long &gt; 0.</param>
/// <param name="Currency">ISO code of the price currency.</param>
/// <param name="ForwardDate">Delivery date of a forward; null for a spot holding.</param>
/// <param name="ForwardPrice">Agreed price per tonne of a forward; required with, and only with, a forward date.</param>
/// <param name="CarryDelivery">Spot holdings in a portfolio: the futures delivery the spot is carried back from (e.g. the
/// front December); its tenor is where the holding's delta sits.</param>
/// <param name="ConvenienceYield">y of the carry, continuously compounded per annum; finite.</param>
public sealed record AllowancePosition(
    string Underlying,
    double Quantity,
    string Currency,
    DateOnly? ForwardDate = null,
    double? ForwardPrice = null,
    DateOnly? CarryDelivery = null,
    double ConvenienceYield = 0) : IAllowanceInstrument
{
    /// <summary>One lot is the whole holding: <see cref="Quantity"/> carries the tonnes and their sign.</summary>
    public double LotSize => 1;

    /// <summary>The forward's date, or the spot's carry delivery (<see cref="DateOnly.MinValue"/> when neither is set: refused by
    /// <see cref="Validate"/>).</summary>
    public DateOnly FuturesDelivery => ForwardDate ?? CarryDelivery ?? DateOnly.MinValue;

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
    /// valuation date, or missing with a price), "forwardPrice" (missing with a date, or not positive), "carryDelivery" (a spot holding without one, or before the valuation date), "convenienceYield".</exception>
    public void Validate(DateOnly valuationDate)
    {
        ProductChecks.Code(Underlying, "underlying");
        ProductChecks.Code(Currency, "currency");
        Guard.Finite(Quantity, "quantity");
        Guard.Finite(ConvenienceYield, "convenienceYield");
        if (ForwardDate is null && CarryDelivery is null && ForwardPrice is null)
            Guard.Fail("carryDelivery", "a spot holding is valued by carry from a futures delivery: give the delivery");
        if (CarryDelivery is { } carry && carry < valuationDate)
            Guard.Fail("carryDelivery", $"must not precede the valuation date {valuationDate:yyyy-MM-dd}, got {carry:yyyy-MM-dd}");
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

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A holding of pollution-discharge permits (<see cref="PollutionPermit"/>: China's provincial 排污权, US SO2
/// allowances): <paramref name="Permits"/> permits (signed; long &gt; 0), each a right to emit its annual quantity in every
/// year of its validity. Valued at the market's price of one tonne of one year's use (the curve of
/// <paramref name="Underlying"/> read at <paramref name="PriceDate"/>, as the Zhejiang index quotes CNY per t·yr):
/// Permits × AnnualQuantity × price × years of validity left (<see cref="PollutionPermit.Value"/>). In a portfolio it is
/// one lot; its delta sits at the tenor <paramref name="PriceDate"/>.
/// </summary>
/// <param name="Underlying">Market code of the permit price, e.g. "ZJNOX".</param>
/// <param name="Permit">The permit's terms: substance, annual quantity, vintage, validity, banking.</param>
/// <param name="Permits">Signed number of permits held.</param>
/// <param name="Currency">ISO code of the price currency.</param>
/// <param name="PriceDate">The curve date the price per tonne-year is read from (a spot index's one point: any date from the valuation date on).</param>
public sealed record PermitHolding(string Underlying, PollutionPermit Permit, double Permits, string Currency, DateOnly PriceDate) : IAllowanceInstrument
{
    /// <summary>One lot is the whole holding: <see cref="Permits"/> carries the count and its sign.</summary>
    public double LotSize => 1;

    /// <summary>The tenor of the holding's price: <see cref="PriceDate"/>.</summary>
    public DateOnly FuturesDelivery => PriceDate;

    /// <summary>Tonnes a year the holding permits: Permits × AnnualQuantity.</summary>
    public double TonnesPerYear => Permits * Permit.AnnualQuantity;

    /// <summary>Checks the terms on <paramref name="valuationDate"/>.</summary>
    /// <exception cref="InvalidInputException">"underlying", "currency", "permits" (zero or not finite), "permit.*" (its terms, or
    /// "permit.validityYears" when it has expired), "priceDate" (before the valuation date).</exception>
    public void Validate(DateOnly valuationDate)
    {
        ProductChecks.Code(Underlying, "underlying");
        ProductChecks.Code(Currency, "currency");
        if (Guard.Finite(Permits, "permits") == 0) Guard.Fail("permits", "must not be zero: a holding holds permits (negative for a short)");
        if (Permit is null) Guard.Fail("permit", "is required: the permit's substance, annual quantity, vintage and validity");
        Guard.Within("permit", Permit!.Validate);
        if (Permit.RemainingYears(valuationDate) == 0)
            Guard.Fail("permit.validityYears", $"the permit expired at the end of {Permit.LastYear} ({Permit.ValidityYears} years from vintage {Permit.Vintage})");
        if (PriceDate < valuationDate)
            Guard.Fail("priceDate", $"must not precede the valuation date {valuationDate:yyyy-MM-dd}, got {PriceDate:yyyy-MM-dd}");
    }
}

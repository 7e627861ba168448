using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A permit holding at price P per tonne-year: Permits × AnnualQuantity × P × the years of validity left on the date
/// (<see cref="PollutionPermit.RemainingYears"/>). Linear in P: delta is the tonne-years held. Time moves the value only
/// at a year end, when a year's use is gone; over a shift of <see cref="MarketShift.TimeShift"/> years the years left are
/// counted on the shifted date. No gamma, vega, rho or (between year ends) theta.
/// </summary>
internal sealed class PermitHoldingPricer(PermitHolding holding, double price, DateOnly valuationDate) : IClosedFormPricer
{
    public string Method => "analytic-permit";

    private double TonneYears(double timeShift) =>
        holding.TonnesPerYear * holding.Permit.RemainingYears(valuationDate.AddDays((int)Math.Round(timeShift * 365)));

    public double Value(MarketShift shift) => TonneYears(shift.TimeShift) * shift.Forward(price);

    public Valuation Valuation(bool greeks)
    {
        var zero = GreekEstimate.Exact(0);
        return new Valuation(Value(MarketShift.None), 0, holding.Currency, Method, 0,
            greeks ? new ValuationGreeks(GreekEstimate.Exact(TonneYears(0)), zero, zero, zero, zero) : null);
    }
}

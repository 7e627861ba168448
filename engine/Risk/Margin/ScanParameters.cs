using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>
/// The SPAN-style parameters of one underlying (a combined commodity: its futures of every delivery and the options on
/// them). Amounts per tonne are in the currency of the underlying's contracts.
/// </summary>
/// <param name="PriceScanRange">Relative price move of the scan, e.g. 0.15 = ±15% of each futures price; in (0, 1).
/// <see cref="ScanRangeCalibration"/> sets it from history.</param>
/// <param name="VolScanRange">Absolute vol move of the scan, e.g. 0.10 = ±10 vol points; in [0, 2].</param>
/// <param name="CalendarSpreadChargePerTonne">Inter-month spread charge per tonne of delta matched long in one delivery and
/// short in another: the scan moves every delivery alike, so this charges the curve risk it leaves out; &gt;= 0.</param>
/// <param name="DeliveryChargePerTonne">Delivery-month charge per tonne of delta in a delivery within
/// <paramref name="DeliveryWindowDays"/> of the valuation date (long or short); &gt;= 0.</param>
/// <param name="ShortOptionMinimumPerTonne">Floor of the underlying's margin per tonne of short options, however far out of the
/// money; &gt;= 0.</param>
/// <param name="ExtremeMultiple">Scan ranges of the two extreme moves (scenarios 15, 16); in [1, 10].</param>
/// <param name="ExtremeCoverFraction">Share of the extreme moves' loss that counts; in (0, 1].</param>
/// <param name="DeliveryWindowDays">Calendar days before delivery in which the delivery-month charge applies; in [0, 366].</param>
public sealed record ScanParameters(double PriceScanRange, double VolScanRange = 0, double CalendarSpreadChargePerTonne = 0,
    double DeliveryChargePerTonne = 0, double ShortOptionMinimumPerTonne = 0, double ExtremeMultiple = 2, double ExtremeCoverFraction = 0.35,
    int DeliveryWindowDays = 31)
{
    /// <summary>Checks the parameters; <paramref name="field"/> prefixes the names, e.g. "underlyings[EUA]".</summary>
    /// <exception cref="InvalidInputException">"{field}.priceScanRange", "{field}.volScanRange", ... naming the value.</exception>
    public void Validate(string field)
    {
        Guard.Positive(PriceScanRange, $"{field}.priceScanRange");
        if (PriceScanRange >= 1) Guard.Fail($"{field}.priceScanRange", $"must be below 1 (a move of 100%), got {PriceScanRange}");
        Guard.InRange(VolScanRange, 0, 2, $"{field}.volScanRange");
        Guard.NonNegative(CalendarSpreadChargePerTonne, $"{field}.calendarSpreadChargePerTonne");
        Guard.NonNegative(DeliveryChargePerTonne, $"{field}.deliveryChargePerTonne");
        Guard.NonNegative(ShortOptionMinimumPerTonne, $"{field}.shortOptionMinimumPerTonne");
        Guard.InRange(ExtremeMultiple, 1, 10, $"{field}.extremeMultiple");
        Guard.Positive(ExtremeCoverFraction, $"{field}.extremeCoverFraction");
        if (ExtremeCoverFraction > 1) Guard.Fail($"{field}.extremeCoverFraction", $"must not exceed 1, got {ExtremeCoverFraction}");
        Guard.InRange(DeliveryWindowDays, 0, 366, $"{field}.deliveryWindowDays");
        if (PriceScanRange * ExtremeMultiple >= 1)
            Guard.Fail($"{field}.extremeMultiple", $"the extreme move {ExtremeMultiple} x {PriceScanRange} would take prices to zero or below");
    }
}

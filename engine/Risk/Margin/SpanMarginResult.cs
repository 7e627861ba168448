using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>
/// The SPAN-style margin of one underlying, every amount in the reporting currency:
/// Total = max(ScanRisk + CalendarSpreadCharge + DeliveryCharge − InterCommodityCredit, ShortOptionMinimum).
/// </summary>
/// <param name="Underlying">Allowance code.</param>
/// <param name="ScanRisk">Largest weighted loss over the risk array (never below 0).</param>
/// <param name="DrivingScenario">The scenario of that loss (the first of equals).</param>
/// <param name="ScenarioLosses">Weighted loss of each of the 16 scenarios, in their order (gains negative).</param>
/// <param name="CalendarSpreadCharge">Inter-month spread charge: matched tonnes × charge per tonne.</param>
/// <param name="DeliveryCharge">Delivery-month charge.</param>
/// <param name="InterCommodityCredit">Credit from spreads against other underlyings.</param>
/// <param name="ShortOptionMinimum">The floor from short options.</param>
/// <param name="NetDeltaTonnes">Net delta over the deliveries, in tonnes.</param>
/// <param name="Total">The underlying's margin.</param>
public sealed record UnderlyingMargin(string Underlying, double ScanRisk, RiskArrayScenario DrivingScenario, ImmutableArray<double> ScenarioLosses,
    double CalendarSpreadCharge, double DeliveryCharge, double InterCommodityCredit, double ShortOptionMinimum, double NetDeltaTonnes, double Total);

/// <summary>A portfolio's SPAN-style margin: the sum over its underlyings.</summary>
/// <param name="ReportingCurrency">Currency of every amount.</param>
/// <param name="Underlyings">By underlying, ordinal order.</param>
/// <param name="Total">Sum of the underlyings' totals.</param>
/// <param name="Errors">Positions left out (no closed form, bad terms), with why.</param>
public sealed record SpanMarginResult(string ReportingCurrency, ImmutableArray<UnderlyingMargin> Underlyings, double Total,
    ImmutableArray<PositionError> Errors)
{
    /// <summary>The underlying with the largest scan risk: whose scenario drives the margin; null for an empty book.</summary>
    public UnderlyingMargin? Driving => Underlyings.IsEmpty ? null : Underlyings.MaxBy(u => u.ScanRisk);
}

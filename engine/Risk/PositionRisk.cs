namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// The risk of one position: its measures in the instrument's currency (lots, lot size and side
/// applied), the CRN-bump cross-check when it was simulated, or the error that stopped it.
/// </summary>
/// <param name="PositionId">Id of the position.</param>
/// <param name="Underlying">Allowance code of the instrument.</param>
/// <param name="Tenor">Delivery date of the underlying future (the tenor bucket).</param>
/// <param name="Expiry">Option expiry (the vega bucket); null for futures.</param>
/// <param name="Currency">Currency of <paramref name="Measures"/>.</param>
/// <param name="FxRate">Units of the reporting currency per unit of <paramref name="Currency"/>.</param>
/// <param name="Measures">Price and Greeks; null on error.</param>
/// <param name="CrnBumps">Bump-and-revalue Greeks on the same paths; null unless simulated.</param>
/// <param name="Error">Why the position failed; null on success.</param>
public sealed record PositionRisk(string PositionId, string Underlying, DateOnly Tenor, DateOnly? Expiry, string Currency,
    double FxRate, RiskMeasures? Measures, Pricing.BumpGreeks? CrnBumps, PositionError? Error)
{
    /// <summary>For a spread option: its per-leg Greeks (its <see cref="Measures"/> hold the parallel ones).</summary>
    public Analytics.SpreadGreeks? SpreadGreeks { get; init; }

    /// <summary>True when the position priced.</summary>
    public bool Succeeded => Error is null;
}

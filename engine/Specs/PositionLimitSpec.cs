namespace CarbonDerivatives.Engine.Specs;

/// <summary>Position limits in lots; each stated one &gt; 0.</summary>
/// <param name="SpotMonthLots">Limit in the expiring month.</param>
/// <param name="AllMonthsLots">Limit over all months combined.</param>
/// <param name="AccountabilityLots">Level above which the exchange may ask about the position.</param>
public sealed record PositionLimitSpec(int? SpotMonthLots = null, int? AllMonthsLots = null, int? AccountabilityLots = null);

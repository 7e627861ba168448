namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// Daily price limits: a trade may not print more than <see cref="Fraction"/> away from the reference
/// price (previous close), e.g. ±10% for China CEA listed trades. The spec lab caps the one-day loss
/// of a lot at Fraction × price × lot.
/// </summary>
/// <param name="Fraction">Limit as a fraction of the reference price, in (0, 1).</param>
/// <param name="BlockFraction">Wider limit for block trades (CEA: 0.30); &gt;= Fraction; null when none.</param>
/// <param name="Reference">What the limit is measured from, e.g. "previous close (VWAP)".</param>
public sealed record PriceLimitSpec(double Fraction, double? BlockFraction = null, string? Reference = null);

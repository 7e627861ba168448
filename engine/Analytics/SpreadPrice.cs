namespace CarbonDerivatives.Engine.Analytics;

/// <summary>An analytic spread-option value per lot, discounted, and the formula behind it.</summary>
/// <param name="Value">Present value of one long lot, option currency.</param>
/// <param name="Method">"margrabe" (exact, K = 0) or "kirk" (approximation, K ≠ 0).</param>
public sealed record SpreadPrice(double Value, string Method);

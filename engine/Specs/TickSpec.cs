namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// Minimum price fluctuation. The validator requires <see cref="Value"/> = <see cref="Size"/> × lot size.
/// </summary>
/// <param name="Size">Tick in currency per unit (0.01 EUR/t); &gt; 0.</param>
/// <param name="Value">Value of one tick per lot in currency (EUR 10 for an EUA future); &gt; 0.</param>
public sealed record TickSpec(double Size, double Value);

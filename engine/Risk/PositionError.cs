namespace CarbonDerivatives.Engine.Risk;

/// <summary>Why one position could not be priced; the rest of the portfolio still is.</summary>
/// <param name="PositionId">Id of the position.</param>
/// <param name="Field">Path of the offending input, e.g. "positions[P7].lotSize",
/// "positions[P7].market.futures[SO2]" or "positions[P7].fx[GBP]".</param>
/// <param name="Message">What is wrong, naming the position and the field.</param>
public sealed record PositionError(string PositionId, string Field, string Message);

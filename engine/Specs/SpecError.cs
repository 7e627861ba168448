namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// One problem found in a spec: the camelCase path of the offending field (e.g. "tick.size",
/// "expiryRule.weekday", "option.underlyingFuture"; "" for the document as a whole) and what is wrong.
/// Malformed JSON carries the 1-based <see cref="Line"/> and <see cref="Column"/> of the fault.
/// </summary>
/// <param name="Path">Field path.</param>
/// <param name="Message">What is wrong, without the path.</param>
/// <param name="Line">1-based line of malformed JSON; null for a validation error.</param>
/// <param name="Column">1-based column (byte position in the line + 1) of malformed JSON.</param>
public sealed record SpecError(string Path, string Message, long? Line = null, long? Column = null)
{
    /// <summary>"path: message" or "line L, column C: message".</summary>
    public override string ToString() =>
        Line is { } line ? $"line {line}, column {Column}{(Path.Length > 0 ? $" ({Path})" : "")}: {Message}" : $"{Path}: {Message}";
}

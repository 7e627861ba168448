namespace CarbonDerivatives.Engine.Validation;

/// <summary>
/// Thrown when a public input to the engine is invalid. <see cref="Field"/> names the offending
/// field (for example <c>volatility</c> or <c>settings.paths</c>) so a caller such as the gRPC
/// layer can report it as a field violation.
/// </summary>
public sealed class InvalidInputException : ArgumentException
{
    public InvalidInputException(string field, string message)
        : base($"{field}: {message}", field)
    {
        Field = field;
        Reason = message;
    }

    /// <summary>The name (or dotted path) of the offending input field.</summary>
    public string Field { get; }

    /// <summary>What is wrong with the field, without the field name.</summary>
    public string Reason { get; }
}

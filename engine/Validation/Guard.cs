using System.Diagnostics.CodeAnalysis;

namespace CarbonDerivatives.Engine.Validation;

/// <summary>
/// Checks for public inputs. Each throws <see cref="InvalidInputException"/> naming the field.
/// Internal kernels trust their inputs and do not call these.
/// </summary>
public static class Guard
{
    /// <summary>Requires a finite value (not NaN, not infinite).</summary>
    public static double Finite(double value, string field)
    {
        if (!double.IsFinite(value)) Fail(field, $"must be a finite number, got {value}");
        return value;
    }

    /// <summary>Requires a finite value strictly greater than zero.</summary>
    public static double Positive(double value, string field)
    {
        Finite(value, field);
        if (value <= 0) Fail(field, $"must be greater than zero, got {value}");
        return value;
    }

    /// <summary>Requires a finite value greater than or equal to zero.</summary>
    public static double NonNegative(double value, string field)
    {
        Finite(value, field);
        if (value < 0) Fail(field, $"must not be negative, got {value}");
        return value;
    }

    /// <summary>Requires a finite value inside [min, max].</summary>
    public static double InRange(double value, double min, double max, string field)
    {
        Finite(value, field);
        if (value < min || value > max) Fail(field, $"must lie in [{min}, {max}], got {value}");
        return value;
    }

    /// <summary>Requires an integer inside [min, max].</summary>
    public static int InRange(int value, int min, int max, string field)
    {
        if (value < min || value > max) Fail(field, $"must lie in [{min}, {max}], got {value}");
        return value;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> for <paramref name="field"/>.</summary>
    [DoesNotReturn]
    public static void Fail(string field, string message) => throw new InvalidInputException(field, message);
}

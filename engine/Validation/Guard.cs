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

    /// <summary>
    /// Runs <paramref name="action"/>, naming the fields of its invalid inputs under <paramref name="scope"/> (camelCase, e.g.
    /// a product's "priceLimits" or a request's "instrument"): "dailyLimit" becomes "priceLimits.dailyLimit". Market data
    /// fields ("market...") name the market wherever they arise and are left as they are.
    /// </summary>
    public static T Within<T>(string scope, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (InvalidInputException e) when (!e.Field.StartsWith("market", StringComparison.Ordinal))
        {
            throw new InvalidInputException(Scoped(scope, e.Field), e.Reason);
        }
        catch (BudgetExceededException e)
        {
            throw e.WithField(Scoped(scope, e.Field));
        }
    }

    /// <summary><see cref="Within{T}"/> for an action without a result.</summary>
    public static void Within(string scope, Action action) => Within(scope, () => { action(); return 0; });

    /// <summary>"scope.field", "scope[i]..." for an indexed field; a field that is already a C# member name is camelCased.</summary>
    public static string Scoped(string scope, string field) =>
        $"{Camel(scope)}{(field.StartsWith('[') ? "" : ".")}{Camel(field)}";

    /// <summary>The camelCase form of a member name: "PriceLimits" is "priceLimits" (what <c>nameof</c> gives is PascalCase).</summary>
    public static string Camel(string name) => name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    /// <summary>Throws <see cref="InvalidInputException"/> for <paramref name="field"/>.</summary>
    [DoesNotReturn]
    public static void Fail(string field, string message) => throw new InvalidInputException(Camel(field), message);
}

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Api.Errors;

/// <summary>
/// Request paths of the engine's field names, derived rather than tabled: an engine field path is made of the
/// camelCase names of engine members ("monteCarlo.paths", "instrument.exerciseDates[2]", "model.compliance.penalty"),
/// and every engine member that an error names has the proto field of the same name in snake_case (a test holds the
/// engine's products and settings to the proto descriptors), so the request path is the snake_case form. The one
/// structural step is the product: the engine's "instrument" is the request's instrument message and the oneof case
/// it set ("instrument.futures_option").
/// </summary>
internal static class FieldPath
{
    /// <summary>
    /// The request path of engine field <paramref name="field"/>: under <paramref name="prefix"/> (the request field the
    /// engine object came from, "" for the root), with the product's segment at <paramref name="instrumentPath"/> (e.g.
    /// "instrument.asian_option") when given. Market data fields are named by the market mapper already and kept.
    /// </summary>
    public static string Resolve(string field, string prefix = "", string? instrumentPath = null)
    {
        if (field.StartsWith("market", StringComparison.Ordinal)) return field;
        string instrument = Engine.Pricing.Pricers.InstrumentField;
        if (instrumentPath is not null && (field == instrument || field.StartsWith(instrument + ".", StringComparison.Ordinal)))
            return instrumentPath + Snake(field[instrument.Length..]);
        string path = Snake(field);
        return prefix.Length == 0 ? path : path.StartsWith('[') ? prefix + path : $"{prefix}.{path}";
    }

    /// <summary>camelCase to snake_case, leaving indices like "[2]" and ids like "[L1]" alone.</summary>
    public static string Snake(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        int depth = 0; // inside [...] names are ids (e.g. positions[L1]): kept as they are
        foreach (char c in name)
        {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0 && char.IsUpper(c))
            {
                if (builder.Length > 0 && builder[^1] != '.') builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Runs <paramref name="action"/>, re-throwing the engine's field errors with the request path <paramref name="path"/> gives.</summary>
    public static T Translate<T>(Func<T> action, Func<string, string> path)
    {
        try
        {
            return action();
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException(path(e.Field), e.Reason);
        }
        catch (BudgetExceededException e)
        {
            throw e.WithField(path(e.Field));
        }
    }

    /// <summary>Runs <paramref name="action"/>, naming its engine fields under <paramref name="prefix"/> and the product at <paramref name="instrumentPath"/>.</summary>
    public static T Translate<T>(string prefix, Func<T> action, string? instrumentPath = null) =>
        Translate(action, field => Resolve(field, prefix, instrumentPath));
}

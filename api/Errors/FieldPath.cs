namespace CarbonDerivatives.Api.Errors;

/// <summary>
/// Translates the engine's field names (camelCase, relative to the object validated) into paths of the
/// request message (snake_case, from the root), e.g. "lotSize" under "instrument.futures_option" is
/// "instrument.futures_option.lot_size" and "settings.paths" is "monte_carlo.paths".
/// </summary>
internal static class FieldPath
{
    private static readonly Dictionary<string, string> Absolute = new()
    {
        ["tradePrice"] = "instrument.future.trade_price",
        ["quantity"] = "quantity",
        ["steps"] = "monte_carlo.steps",
        ["method"] = "method",
        ["model"] = "model",
        ["dailyPriceLimit"] = "price_limits.daily_limit",
        ["limit"] = "price_limits.daily_limit",
        ["tradingDays"] = "price_limits.trading_days",
        ["decay"] = "correlation.term_structure_decay",
        ["penalty"] = "model.compliance.penalty",
        ["initialPrice"] = "model.compliance.penalty",
        ["timeChangeExponent"] = "model.compliance.time_change_exponent",
        ["atmVolatility"] = "model.compliance.time_change_exponent",
    };

    /// <summary>The request path of engine field <paramref name="field"/> validated under <paramref name="prefix"/>.</summary>
    public static string Resolve(string prefix, string field)
    {
        if (Absolute.TryGetValue(field, out var known)) return known;
        if (field == "fixingTimes") field = "fixingDates"; // the resolved times of the fixing dates
        if (field.StartsWith("settings.", StringComparison.Ordinal)) return "monte_carlo." + Snake(field["settings.".Length..]);
        // Exercise terms sit on the option message: exercise.dates[2] is exercise_dates[2].
        if (field.StartsWith("exercise.", StringComparison.Ordinal)) return $"{prefix}.exercise_{Snake(field["exercise.".Length..])}";
        if (field.StartsWith("correlation", StringComparison.Ordinal)) return "correlation";
        if (field.StartsWith("leg1.", StringComparison.Ordinal) || field.StartsWith("leg2.", StringComparison.Ordinal)) return $"{prefix}.{Snake(field)}";
        if (field.StartsWith("market.", StringComparison.Ordinal) || field.Contains('.')) return field;
        return prefix.Length == 0 ? Snake(field) : $"{prefix}.{Snake(field)}";
    }

    /// <summary>camelCase to snake_case, leaving indices like "[2]" alone.</summary>
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

    /// <summary>
    /// Runs <paramref name="action"/>, re-throwing the engine's field errors with their request path under
    /// <paramref name="prefix"/> (<paramref name="renames"/> maps engine names straight to request paths).
    /// </summary>
    public static T Translate<T>(string prefix, Func<T> action, IReadOnlyDictionary<string, string>? renames = null) =>
        Translate(action, field => renames is not null && renames.TryGetValue(field, out var renamed) ? renamed : Resolve(prefix, field));

    /// <summary>
    /// Runs <paramref name="action"/>, re-throwing the engine's field errors and budget overruns with the request path
    /// <paramref name="path"/> gives (so "settings.paths" reaches the client as "monte_carlo.paths").
    /// </summary>
    public static T Translate<T>(Func<T> action, Func<string, string> path)
    {
        try
        {
            return action();
        }
        catch (Engine.Validation.InvalidInputException e)
        {
            throw new Engine.Validation.InvalidInputException(path(e.Field), e.Reason);
        }
        catch (Engine.Validation.BudgetExceededException e)
        {
            throw e.WithField(path(e.Field));
        }
    }
}

using CarbonDerivatives.Engine.Specs;

namespace CarbonDerivatives.Api.Errors;

/// <summary>
/// Request paths of the spec engine's field names. A spec field is reported under the request field that carried
/// the spec ("spec.spec_json.tick.size", keeping the spec's own camelCase path, or "spec.code" for a stored spec);
/// lab settings are the request's settings in snake_case ("settings.horizonDays" is "settings.horizon_days"); a
/// missing market curve is "market".
/// </summary>
internal static class SpecFieldPath
{
    /// <summary>One BadRequest violation per spec error, under <paramref name="specField"/> (e.g. "spec_json").</summary>
    public static IReadOnlyList<(string Field, string Description)> Violations(IEnumerable<SpecError> errors, string specField) =>
        errors.Select(e => (Under(specField, e.Path), e.Line is { } line ? $"line {line}, column {e.Column}: {e.Message}" : e.Message)).ToArray();

    /// <summary>The request path of engine field <paramref name="field"/> of a lab or calendar run.</summary>
    public static string Resolve(string field, string specField)
    {
        if (field.StartsWith("settings.", StringComparison.Ordinal)) return FieldPath.Snake(field);
        if (field.StartsWith("market.", StringComparison.Ordinal)) return "market";
        if (field == "count") return "count";
        if (field == "spec") return specField;
        return Under(specField, field.StartsWith("spec.", StringComparison.Ordinal) ? field["spec.".Length..] : field);
    }

    /// <summary>Runs <paramref name="action"/>, re-throwing engine field errors with their request path.</summary>
    public static T Translate<T>(string specField, Func<T> action) => FieldPath.Translate(action, field => Resolve(field, specField));

    /// <summary>A spec path under the request field; a stored spec (named by code) is reported on the code itself.</summary>
    private static string Under(string specField, string path) =>
        !specField.EndsWith("spec_json", StringComparison.Ordinal) || path.Length == 0 ? specField : $"{specField}.{path}";
}

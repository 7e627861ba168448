using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CarbonDerivatives.Engine.Specs;

/// <summary>A spec read from JSON, or the errors that stopped it being read.</summary>
/// <param name="Spec">The spec when the JSON was well formed and of the right shape; null otherwise.</param>
/// <param name="Errors">Empty when <paramref name="Spec"/> was read; otherwise one error with line and column.</param>
public sealed record SpecReadResult(ContractSpec? Spec, ImmutableArray<SpecError> Errors);

/// <summary>
/// (De)serialisation of <see cref="ContractSpec"/> with System.Text.Json: camelCase properties (case-sensitive), enums as
/// camelCase strings ("future", "weekdayOfMonth", "monday"), dates "yyyy-MM-dd", unknown properties
/// refused (a misspelt field is an error, not silently ignored), comments allowed.
/// </summary>
public static class ContractSpecJson
{
    /// <summary>The serializer options of the spec format.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Reads one spec. Malformed JSON, a value of the wrong type or an unknown property gives one
    /// <see cref="SpecError"/> with its 1-based line and column and the JSON path of the field. The spec is
    /// not validated here: call <see cref="ContractSpecValidator.Validate"/>.
    /// </summary>
    public static SpecReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var spec = JsonSerializer.Deserialize<ContractSpec>(json, Options);
            return spec is null
                ? new SpecReadResult(null, [new SpecError("", "the document is null; expected a contract spec object", 1, 1)])
                : new SpecReadResult(spec, []);
        }
        catch (JsonException e)
        {
            return new SpecReadResult(null, [new SpecError(FieldPath(e.Path), Reason(e.Message),
                (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1)]);
        }
    }

    /// <summary>Writes <paramref name="spec"/> as indented JSON in the spec format (null fields left out).</summary>
    public static string Write(ContractSpec spec) => JsonSerializer.Serialize(spec, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            WriteIndented = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>"$.tick.size" → "tick.size"; "$" or null → "".</summary>
    private static string FieldPath(string? jsonPath) =>
        jsonPath is null || jsonPath == "$" ? "" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    /// <summary>The reader's message without its trailing "Path: … | LineNumber: … | BytePositionInLine: …".</summary>
    private static string Reason(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }
}

using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Errors;

/// <summary>
/// Request paths of the risk engine's field names, from the proto descriptors: a field of the engine's portfolio
/// ("positions[L1]...", "reportingCurrency") lies in inputs.portfolio, one that names a field of RiskInputs
/// ("fxRates[GBP]", "settings.monteCarlo.paths") in inputs, anything else (a request's own field: "horizonDays",
/// "priceShocks[2]") at the root. A position's product is the oneof case its instrument set.
/// </summary>
internal static class RiskFieldPath
{
    private const string Inputs = "inputs", Portfolio = "inputs.portfolio";

    /// <param name="field">The engine field.</param>
    /// <param name="instrumentOf">The request path of the instrument of a position id (e.g. "...positions[L1].instrument.futures_option"), when known.</param>
    public static string Resolve(string field, Func<string, string?>? instrumentOf = null)
    {
        if (field.StartsWith("market", StringComparison.Ordinal)) return field;
        string head = FieldPath.Snake(FirstSegment(field));
        if (Proto.Portfolio.Descriptor.FindFieldByName(head) is not null)
        {
            if (head == "positions" && PositionId(field) is { } id && instrumentOf?.Invoke(id) is { } instrument)
            {
                string position = $"positions[{id}]";
                string rest = field.Length > position.Length ? field[(position.Length + 1)..] : "";
                return rest.Length == 0 ? $"{Portfolio}.{position}" : FieldPath.Resolve(rest, $"{Portfolio}.{position}", instrument);
            }
            return FieldPath.Resolve(field, Portfolio);
        }
        return Proto.RiskInputs.Descriptor.FindFieldByName(head) is not null ? FieldPath.Resolve(field, Inputs) : FieldPath.Snake(field);
    }

    /// <summary>Runs <paramref name="action"/>, re-throwing engine field errors with their request path.</summary>
    public static T Translate<T>(Func<T> action) => FieldPath.Translate(action, f => Resolve(f));

    private static string FirstSegment(string field)
    {
        int end = field.IndexOfAny(['.', '[']);
        return end < 0 ? field : field[..end];
    }

    /// <summary>The id in "positions[ID]...".</summary>
    private static string? PositionId(string field)
    {
        int open = field.IndexOf('['), close = field.IndexOf(']');
        return open >= 0 && close > open ? field[(open + 1)..close] : null;
    }
}

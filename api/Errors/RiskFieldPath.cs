namespace CarbonDerivatives.Api.Errors;

/// <summary>
/// Request paths of the risk engine's field names: "positions[L1].lotSize" is
/// "inputs.portfolio.positions[L1].lot_size", "var.horizonDays" is "horizon_days", "ladder.priceShocks"
/// is "price_shocks", "settings.paths" is "inputs.settings.paths".
/// </summary>
internal static class RiskFieldPath
{
    private static readonly (string Engine, string Request)[] Prefixes =
    [
        ("positions", "inputs.portfolio.positions"),
        ("reportingCurrency", "inputs.portfolio.reporting_currency"),
        ("fx", "inputs.fx_rates"),
        ("settings.", "inputs.settings."),
        ("var.", ""),
        ("ladder.", ""),
        ("scenarios", "custom_scenarios"),
    ];

    public static string Resolve(string field)
    {
        foreach (var (engine, request) in Prefixes)
            if (field.StartsWith(engine, StringComparison.Ordinal))
                return request + FieldPath.Snake(field[engine.Length..]);
        return FieldPath.Snake(field);
    }

    /// <summary>Runs <paramref name="action"/>, re-throwing engine field errors with their request path.</summary>
    public static T Translate<T>(Func<T> action) => FieldPath.Translate(action, Resolve);
}

using System.Globalization;
using CarbonDerivatives.Api.Errors;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>ISO 8601 calendar dates ("2026-12-21") to and from <see cref="DateOnly"/>.</summary>
internal static class ProtoDates
{
    private const string Format = "yyyy-MM-dd";

    public static DateOnly Parse(string text, string field)
    {
        if (string.IsNullOrEmpty(text)) RpcErrors.ThrowInvalidArgument(field, "is required (an ISO date such as 2026-12-21)");
        if (!DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            RpcErrors.ThrowInvalidArgument(field, $"must be an ISO date such as 2026-12-21, got '{text}'");
        return date;
    }

    public static string Text(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}

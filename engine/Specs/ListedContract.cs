namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// One listed contract month of a spec, resolved by <see cref="ListingCalendar"/>.
/// </summary>
/// <param name="SpecCode">Code of the spec.</param>
/// <param name="Year">Contract year.</param>
/// <param name="Month">Contract month, 1–12.</param>
/// <param name="LastTradingDay">Last trading day (option expiry for an option).</param>
/// <param name="UnderlyingLastTradingDay">Options: last trading day of the future it exercises into (the
/// futures delivery the option is priced on); null for futures.</param>
/// <param name="UnderlyingContract">Options: label of that future, e.g. "ICE-EUA-FUT Dec-26".</param>
public sealed record ListedContract(string SpecCode, int Year, int Month, DateOnly LastTradingDay,
    DateOnly? UnderlyingLastTradingDay = null, string? UnderlyingContract = null)
{
    /// <summary>Label such as "ICE-EUA-FUT Dec-26".</summary>
    public string Label => Format(SpecCode, Year, Month);

    /// <summary>Label of a contract month: "CODE Mmm-yy".</summary>
    public static string Format(string code, int year, int month) =>
        $"{code} {System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month)}-{year % 100:00}";
}

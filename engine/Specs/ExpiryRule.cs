namespace CarbonDerivatives.Engine.Specs;

/// <summary>How a contract month's last trading day is found.</summary>
public enum ExpiryRuleKind
{
    /// <summary>The <see cref="ExpiryRule.Occurrence"/>-th <see cref="ExpiryRule.Weekday"/> of the month
    /// (−1 last, −2 penultimate), with an optional holiday fallback.</summary>
    WeekdayOfMonth,

    /// <summary><see cref="ExpiryRule.BusinessDays"/> business days before the last business day of the month.</summary>
    BusinessDaysBeforeLastBusinessDay,

    /// <summary><see cref="ExpiryRule.BusinessDays"/> business days before the last trading day of the
    /// underlying future's contract in the same month (options).</summary>
    BusinessDaysBeforeUnderlyingExpiry,

    /// <summary>Calendar day <see cref="ExpiryRule.Day"/> of the month, moved to the preceding business day
    /// when it is not one.</summary>
    FixedDayOfMonth,
}

/// <summary>
/// An expiry rule as data (see <see cref="ExpiryRuleResolver"/>). Which fields apply depends on
/// <see cref="Kind"/>; the validator requires those and rejects the others.
/// </summary>
/// <param name="Kind">The rule.</param>
/// <param name="Weekday">Weekday (WeekdayOfMonth).</param>
/// <param name="Occurrence">1–5 for the first to fifth, −1 last, −2 penultimate (WeekdayOfMonth).</param>
/// <param name="HolidayWindowDays">WeekdayOfMonth: when the chosen day is a holiday or a holiday falls in the
/// next <c>HolidayWindowDays</c> calendar days, the <see cref="FallbackOccurrence"/> is used instead (ICE EUA: 4).</param>
/// <param name="FallbackOccurrence">Occurrence used by the holiday fallback (ICE EUA: −2, the penultimate Monday).</param>
/// <param name="BusinessDays">Business days to count back (BusinessDaysBefore*), 0–30.</param>
/// <param name="Day">Calendar day 1–31 (FixedDayOfMonth).</param>
/// <param name="LastWeekdayOfDecemberClosed">The last weekday of December is not a business day for the
/// rule (ICE Futures U.S. carbon contracts "unless otherwise determined by the Exchange").</param>
public sealed record ExpiryRule(
    ExpiryRuleKind? Kind,
    DayOfWeek? Weekday = null,
    int? Occurrence = null,
    int? HolidayWindowDays = null,
    int? FallbackOccurrence = null,
    int? BusinessDays = null,
    int? Day = null,
    bool LastWeekdayOfDecemberClosed = false);

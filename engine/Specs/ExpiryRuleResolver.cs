using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Specs;

/// <summary>
/// Turns an <see cref="ExpiryRule"/> and a contract month into a date on a <see cref="TradingCalendar"/>.
/// </summary>
public static class ExpiryRuleResolver
{
    /// <summary>Last trading day of contract month (<paramref name="year"/>, <paramref name="month"/>).</summary>
    /// <param name="rule">The rule (already validated).</param>
    /// <param name="calendar">Business days of the contract.</param>
    /// <param name="year">Contract year.</param>
    /// <param name="month">Contract month, 1–12.</param>
    /// <param name="underlyingExpiry">For <see cref="ExpiryRuleKind.BusinessDaysBeforeUnderlyingExpiry"/>: the
    /// underlying future's last trading day for a contract month; ignored by the other kinds.</param>
    /// <exception cref="InvalidInputException">"expiryRule.occurrence" / "expiryRule.fallbackOccurrence" when the
    /// month has no such weekday (a 5th Monday), "expiryRule.day" when the month is shorter, "expiryRule.kind"
    /// when an underlying expiry is needed and none is given.</exception>
    public static DateOnly LastTradingDay(ExpiryRule rule, TradingCalendar calendar, int year, int month,
        Func<int, int, DateOnly>? underlyingExpiry = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        bool IsBusinessDay(DateOnly d) => calendar.IsBusinessDay(d) && !(rule.LastWeekdayOfDecemberClosed && IsLastWeekdayOfDecember(d));
        switch (rule.Kind)
        {
            case ExpiryRuleKind.WeekdayOfMonth:
            {
                var day = WeekdayOfMonth(year, month, rule.Weekday!.Value, rule.Occurrence!.Value, "expiryRule.occurrence");
                if (rule.HolidayWindowDays is { } window && HolidayOnOrWithin(calendar, day, window))
                    day = WeekdayOfMonth(year, month, rule.Weekday.Value, rule.FallbackOccurrence!.Value, "expiryRule.fallbackOccurrence");
                return Preceding(day, IsBusinessDay);
            }
            case ExpiryRuleKind.BusinessDaysBeforeLastBusinessDay:
            {
                var last = Preceding(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), IsBusinessDay);
                return BusinessDaysBefore(last, rule.BusinessDays!.Value, IsBusinessDay);
            }
            case ExpiryRuleKind.BusinessDaysBeforeUnderlyingExpiry:
                if (underlyingExpiry is null) Guard.Fail("expiryRule.kind", "needs the underlying future's expiry rule (option.underlyingFuture)");
                return BusinessDaysBefore(underlyingExpiry(year, month), rule.BusinessDays!.Value, IsBusinessDay);
            case ExpiryRuleKind.FixedDayOfMonth:
                if (rule.Day!.Value > DateTime.DaysInMonth(year, month))
                    Guard.Fail("expiryRule.day", $"{year}-{month:00} has no day {rule.Day}");
                return Preceding(new DateOnly(year, month, rule.Day.Value), IsBusinessDay);
            default:
                Guard.Fail("expiryRule.kind", $"unknown rule {rule.Kind}");
                return default;
        }
    }

    /// <summary>The <paramref name="occurrence"/>-th <paramref name="weekday"/> of the month (1..5; −1 last, −2 penultimate).</summary>
    /// <exception cref="InvalidInputException"><paramref name="field"/> when the month has no such day.</exception>
    public static DateOnly WeekdayOfMonth(int year, int month, DayOfWeek weekday, int occurrence, string field = "occurrence")
    {
        var first = new DateOnly(year, month, 1);
        var firstMatch = first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7);
        int count = (DateTime.DaysInMonth(year, month) - firstMatch.Day) / 7 + 1;
        int index = occurrence > 0 ? occurrence - 1 : count + occurrence;
        if (occurrence == 0 || index < 0 || index >= count)
            Guard.Fail(field, $"{year}-{month:00} has no {Ordinal(occurrence)} {weekday}");
        return firstMatch.AddDays(7 * index);
    }

    /// <summary>True when <paramref name="day"/> or one of the <paramref name="window"/> calendar days after it is a holiday.</summary>
    private static bool HolidayOnOrWithin(TradingCalendar calendar, DateOnly day, int window)
    {
        for (int k = 0; k <= window; k++)
            if (calendar.IsHoliday(day.AddDays(k))) return true;
        return false;
    }

    private static DateOnly Preceding(DateOnly day, Func<DateOnly, bool> isBusinessDay)
    {
        while (!isBusinessDay(day)) day = day.AddDays(-1);
        return day;
    }

    private static DateOnly BusinessDaysBefore(DateOnly day, int count, Func<DateOnly, bool> isBusinessDay)
    {
        for (int k = 0; k < count; k++) day = Preceding(day.AddDays(-1), isBusinessDay);
        return day;
    }

    private static bool IsLastWeekdayOfDecember(DateOnly d)
    {
        if (d.Month != 12 || d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        var last = new DateOnly(d.Year, 12, 31);
        while (last.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) last = last.AddDays(-1);
        return d == last;
    }

    private static string Ordinal(int occurrence) => occurrence switch
    {
        -1 => "last",
        -2 => "penultimate",
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => $"{occurrence}th",
    };
}

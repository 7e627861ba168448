using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>Generates the fixing dates of an average-price option between two dates.</summary>
public static class FixingSchedule
{
    /// <summary>
    /// Dates from <paramref name="first"/> stepping by <paramref name="frequency"/>, always ending on
    /// <paramref name="last"/> (appended when the step does not land on it), strictly increasing.
    /// Monthly dates are first.AddMonths(k), so a 31st becomes the month's last day without drifting.
    /// Daily dates skip Saturdays and Sundays (except <paramref name="first"/> and <paramref name="last"/>).
    /// </summary>
    /// <exception cref="InvalidInputException">"lastFixing" before "firstFixing"; "frequency" unknown.</exception>
    public static IReadOnlyList<DateOnly> Generate(DateOnly first, DateOnly last, FixingFrequency frequency)
    {
        if (last < first) Guard.Fail("lastFixing", $"must not precede the first fixing {first:yyyy-MM-dd}, got {last:yyyy-MM-dd}");
        if (!Enum.IsDefined(frequency)) Guard.Fail("frequency", $"must be Daily, Weekly or Monthly, got {(int)frequency}");
        var dates = new List<DateOnly>();
        for (int k = 0; ; k++)
        {
            DateOnly date = frequency switch
            {
                FixingFrequency.Monthly => first.AddMonths(k),
                FixingFrequency.Weekly => first.AddDays(7 * k),
                _ => first.AddDays(k),
            };
            if (date >= last) break;
            bool weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (frequency != FixingFrequency.Daily || !weekend || k == 0) dates.Add(date);
        }
        dates.Add(last);
        return dates;
    }
}

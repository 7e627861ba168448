namespace CarbonDerivatives.Engine.Market;

/// <summary>Day-count conventions that turn dates into year fractions.</summary>
public static class DayCount
{
    /// <summary>
    /// ACT/365 Fixed year fraction: actual calendar days from <paramref name="start"/> to
    /// <paramref name="end"/> divided by 365 (ISDA 2006 §4.16(d)). Negative when end precedes start.
    /// </summary>
    public static double YearFraction(DateOnly start, DateOnly end) => (end.DayNumber - start.DayNumber) / 365.0;
}

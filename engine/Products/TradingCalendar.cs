namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// Business days of a <see cref="CalendarCode"/>, backed by QLNet's calendars (pure functions of the
/// date: no evaluation date involved). Immutable and thread-safe.
/// </summary>
public sealed class TradingCalendar
{
    private readonly QLNet.Calendar _calendar;

    private TradingCalendar(CalendarCode code, QLNet.Calendar calendar)
    {
        Code = code;
        _calendar = calendar;
    }

    /// <summary>The calendar's code.</summary>
    public CalendarCode Code { get; }

    /// <summary>The calendar for <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an undefined code.</exception>
    public static TradingCalendar For(CalendarCode code) => code switch
    {
        CalendarCode.UnitedKingdom => UnitedKingdom,
        CalendarCode.Target => Target,
        CalendarCode.UnitedStates => UnitedStates,
        CalendarCode.China => China,
        CalendarCode.WeekendsOnly => WeekendsOnly,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unknown calendar"),
    };

    private static readonly TradingCalendar UnitedKingdom =
        new(CalendarCode.UnitedKingdom, new QLNet.UnitedKingdom(QLNet.UnitedKingdom.Market.Exchange));
    private static readonly TradingCalendar Target = new(CalendarCode.Target, new QLNet.TARGET());
    private static readonly TradingCalendar UnitedStates =
        new(CalendarCode.UnitedStates, new QLNet.UnitedStates(QLNet.UnitedStates.Market.NYSE));
    private static readonly TradingCalendar China = new(CalendarCode.China, new QLNet.China(QLNet.China.Market.SSE));
    private static readonly TradingCalendar WeekendsOnly = new(CalendarCode.WeekendsOnly, new QLNet.WeekendsOnly());

    /// <summary>True when markets are open on <paramref name="date"/>.</summary>
    public bool IsBusinessDay(DateOnly date) =>
        _calendar.isBusinessDay(new QLNet.Date(date.Day, date.Month, date.Year));

    /// <summary>
    /// Trading sessions after <paramref name="from"/> up to and including <paramref name="to"/>: the settlements a
    /// daily price limit applies to between a valuation date and an expiry (at least 1).
    /// </summary>
    public int SessionsBetween(DateOnly from, DateOnly to)
    {
        int sessions = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsBusinessDay(d)) sessions++;
        return Math.Max(sessions, 1);
    }

    /// <summary>True when <paramref name="date"/> is a weekday on which markets are closed (a holiday).</summary>
    public bool IsHoliday(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBusinessDay(date);
}

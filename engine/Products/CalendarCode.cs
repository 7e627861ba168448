namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// Business-day calendars a contract (or a spec) can name; each maps to a QLNet calendar (<see cref="TradingCalendar"/>).
/// </summary>
public enum CalendarCode
{
    /// <summary>England and Wales bank holidays (QLNet UnitedKingdom, Exchange market): ICE Endex EUA and UKA.</summary>
    UnitedKingdom,

    /// <summary>TARGET2 closing days (QLNet TARGET): EEX/ECC.</summary>
    Target,

    /// <summary>New York Stock Exchange holidays, Good Friday included (QLNet UnitedStates, NYSE): ICE Futures U.S.</summary>
    UnitedStates,

    /// <summary>Shanghai Stock Exchange holidays (QLNet China, SSE): China spot markets. QLNet's table of
    /// Chinese holidays ends in a fixed year; later years count weekends only.</summary>
    China,

    /// <summary>Saturdays and Sundays only.</summary>
    WeekendsOnly,
}

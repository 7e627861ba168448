using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A contract's daily price limit (China's CEA: ±10% of the previous close): each settlement may move at most
/// <see cref="DailyLimit"/> of the previous one, on each session of <see cref="Calendar"/>. A term of the contract,
/// as in its spec; the market is then limit-locked (<see cref="Models.PriceLimitModel"/>).
/// </summary>
/// <param name="DailyLimit">Largest relative settlement move per session, in (0, 1).</param>
/// <param name="Calendar">The exchange's sessions; weekends only unless stated.</param>
/// <param name="TradingDays">Sessions to expiry when given explicitly; null counts them on <see cref="Calendar"/>.</param>
public sealed record DailyPriceLimit(double DailyLimit, CalendarCode Calendar = CalendarCode.WeekendsOnly, int? TradingDays = null)
{
    /// <summary>Checks the terms.</summary>
    /// <exception cref="InvalidInputException">"dailyLimit", "calendar" or "tradingDays".</exception>
    public void Validate()
    {
        if (!(DailyLimit > 0 && DailyLimit < 1))
            Guard.Fail(nameof(DailyLimit), $"must lie strictly between 0 and 1 (a fraction of the previous settlement), got {DailyLimit}");
        if (!Enum.IsDefined(Calendar)) Guard.Fail(nameof(Calendar), $"unknown calendar {(int)Calendar}");
        if (TradingDays is { } days) Guard.InRange(days, 1, 100_000, nameof(TradingDays));
    }

    /// <summary>Settlements from the day after <paramref name="valuationDate"/> to <paramref name="expiry"/>.</summary>
    public int Sessions(DateOnly valuationDate, DateOnly expiry) =>
        TradingDays ?? TradingCalendar.For(Calendar).SessionsBetween(valuationDate, expiry);
}

namespace CarbonDerivatives.Engine.Specs;

/// <summary>One trading session a day in local time.</summary>
/// <param name="TimeZone">IANA zone, e.g. "Europe/London", "Asia/Shanghai".</param>
/// <param name="Open">Opening time, "HH:mm".</param>
/// <param name="Close">Closing time, "HH:mm", after <see cref="Open"/>.</param>
public sealed record TradingHoursSpec(string? TimeZone, string? Open, string? Close);

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>Kinds of static arbitrage in a surface.</summary>
public enum ArbitrageKind
{
    /// <summary>Negative risk-neutral density within one expiry (a butterfly worth less than nothing).</summary>
    Butterfly,

    /// <summary>Total variance falling from one expiry to the next at the same moneyness (a calendar spread worth less than nothing).</summary>
    Calendar,
}

/// <summary>Where a surface has arbitrage, and by how much.</summary>
/// <param name="Kind">Butterfly or calendar.</param>
/// <param name="Expiry">Expiry of the slice (the later one for a calendar violation).</param>
/// <param name="LogMoneyness">k = ln(K/F) of the worst point of the violated range.</param>
/// <param name="Strike">Strike of that point.</param>
/// <param name="Amount">How much: for a butterfly, −g(k) (SVI: Durrleman's function) or −(density)·F (SABR); for a calendar,
/// the fall in total variance w_earlier(k) − w_later(k). Positive.</param>
/// <param name="FromLogMoneyness">Start of the violated k range.</param>
/// <param name="ToLogMoneyness">End of the violated k range.</param>
public sealed record ArbitrageViolation(ArbitrageKind Kind, double Expiry, double LogMoneyness, double Strike, double Amount,
    double FromLogMoneyness, double ToLogMoneyness);

namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// Discounting in one currency, as a function of the time from the valuation date in years
/// (ACT/365F). Implementations are immutable and thread-safe.
/// </summary>
public interface IDiscountCurve
{
    /// <summary>Discount factor for a cash flow <paramref name="time"/> years from valuation; 1 at time 0.</summary>
    double DiscountFactor(double time);

    /// <summary>Continuously compounded zero rate to <paramref name="time"/> (0.03 = 3% a year).</summary>
    double ZeroRate(double time);
}

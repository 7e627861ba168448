namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// A small move of the market for revaluation Greeks: the futures price scaled, the volatility and the
/// continuously compounded rate shifted, and time moved on (every time to a future event shortened by
/// <see cref="TimeShift"/> years, as when the valuation date advances).
/// </summary>
public readonly record struct MarketShift(double ForwardFactor, double VolShift, double TimeShift, double RateShift)
{
    /// <summary>No move.</summary>
    public static MarketShift None => new(1, 0, 0, 0);

    public double Forward(double forward) => forward * ForwardFactor;

    public double Volatility(double volatility) => Math.Max(volatility + VolShift, 0);

    /// <summary>A time in years from the valuation date, after the shift.</summary>
    public double Time(double time) => time - TimeShift;

    /// <summary>
    /// The discount factor to <paramref name="expiry"/> (unshifted years) after the shift, at the flat rate
    /// r = −ln(DF)/T implied by <paramref name="discountFactor"/>, plus <see cref="RateShift"/>.
    /// </summary>
    public double DiscountFactor(double discountFactor, double expiry)
    {
        if (TimeShift == 0 && RateShift == 0) return discountFactor; // no move: the same bits, not exp(ln DF)
        double rate = expiry > 0 ? -Math.Log(discountFactor) / expiry : 0;
        return Math.Exp(-(rate + RateShift) * Time(expiry));
    }
}

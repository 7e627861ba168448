namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Black-76 price and first-order sensitivities of a European option on a futures price, per unit
/// of the underlying (or per lot when produced by <see cref="Black76OptionPricer"/>), in the
/// option's currency.
/// </summary>
/// <param name="Price">Present value.</param>
/// <param name="Delta">dV/dF, the futures price being the underlying; discount factor held fixed.</param>
/// <param name="Gamma">d²V/dF².</param>
/// <param name="Vega">dV/dσ per unit of volatility (1.00 = 100 vol points); divide by 100 for one point.</param>
/// <param name="Theta">dV/dt in calendar time per year (= -dV/dExpiry), futures price, volatility and
/// continuously compounded rate held fixed; divide by 365 for one day.</param>
/// <param name="Rho">dV/dr per unit of the continuously compounded rate (1.00 = 10,000 bp), futures
/// price held fixed; for Black-76 this is -T·V.</param>
public sealed record Black76Greeks(double Price, double Delta, double Gamma, double Vega, double Theta, double Rho)
{
    /// <summary>Every figure multiplied by <paramref name="factor"/> (e.g. a lot size).</summary>
    public Black76Greeks Scale(double factor) =>
        new(Price * factor, Delta * factor, Gamma * factor, Vega * factor, Theta * factor, Rho * factor);
}

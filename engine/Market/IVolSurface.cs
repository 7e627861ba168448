namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// Black (log-normal) implied volatility by option expiry and strike. Implementations are immutable
/// and thread-safe.
/// </summary>
public interface IVolSurface
{
    /// <summary>Volatility per annum (0.45 = 45%) for an option expiring in <paramref name="expiry"/> years
    /// (ACT/365F) struck at <paramref name="strike"/> (price units of the underlying).</summary>
    double Volatility(double expiry, double strike);
}

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>The same Black volatility for every expiry and strike.</summary>
public sealed record FlatVolSurface : IVolSurface
{
    /// <summary>Creates the surface.</summary>
    /// <param name="volatility">Volatility per annum; &gt;= 0 and finite.</param>
    public FlatVolSurface(double volatility) => Vol = Guard.NonNegative(volatility, "volatility");

    /// <summary>Volatility per annum.</summary>
    public double Vol { get; }

    /// <inheritdoc/>
    public double Volatility(double expiry, double strike)
    {
        VolInputs.Check(expiry, strike);
        return Vol;
    }
}

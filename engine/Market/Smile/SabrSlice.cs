namespace CarbonDerivatives.Engine.Market.Smile;

/// <summary>A SABR smile at one expiry.</summary>
public sealed record SabrSlice : SmileSlice
{
    /// <param name="expiry">Years to expiry; &gt; 0.</param>
    /// <param name="forward">Forward; &gt; 0.</param>
    /// <param name="parameters">SABR parameters.</param>
    /// <param name="expansion">Formula from parameters to Black vol.</param>
    public SabrSlice(double expiry, double forward, SabrParameters parameters, SabrExpansion expansion = SabrExpansion.Hagan2002)
        : base(expiry, forward)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        Expansion = expansion;
    }

    /// <summary>SABR parameters.</summary>
    public SabrParameters Parameters { get; }

    /// <summary>Formula from parameters to Black vol.</summary>
    public SabrExpansion Expansion { get; }

    /// <inheritdoc/>
    public override double TotalVariance(double logMoneyness)
    {
        double vol = SabrVolatility.Volatility(Forward, Forward * Math.Exp(logMoneyness), Expiry, Parameters, Expansion);
        return vol * vol * Expiry;
    }
}

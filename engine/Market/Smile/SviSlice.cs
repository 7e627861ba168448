namespace CarbonDerivatives.Engine.Market.Smile;

/// <summary>A raw-SVI smile at one expiry; its derivatives in closed form.</summary>
public sealed record SviSlice : SmileSlice
{
    /// <param name="expiry">Years to expiry; &gt; 0.</param>
    /// <param name="forward">Forward; &gt; 0.</param>
    /// <param name="parameters">Raw SVI parameters of the total variance.</param>
    public SviSlice(double expiry, double forward, SviParameters parameters) : base(expiry, forward)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
    }

    /// <summary>Raw SVI parameters.</summary>
    public SviParameters Parameters { get; }

    /// <inheritdoc/>
    public override double TotalVariance(double logMoneyness) => Parameters.TotalVariance(logMoneyness);

    /// <inheritdoc/>
    public override double Slope(double logMoneyness) => Parameters.Slope(logMoneyness);

    /// <inheritdoc/>
    public override double Curvature(double logMoneyness) => Parameters.Curvature(logMoneyness);
}

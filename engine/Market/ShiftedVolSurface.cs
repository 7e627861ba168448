namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// A surface with its vols moved by a shift that depends on expiry and strike (floored at zero): a vega bucket's bump, or a
/// skew or smile stress.
/// </summary>
/// <param name="Inner">The surface moved.</param>
/// <param name="Shift">Absolute vol shift at (expiry in years, strike).</param>
public sealed record ShiftedVolSurface(IVolSurface Inner, Func<double, double, double> Shift) : IVolSurface
{
    /// <inheritdoc/>
    public double Volatility(double expiry, double strike) => Math.Max(Inner.Volatility(expiry, strike) + Shift(expiry, strike), 0);

    /// <summary><paramref name="market"/> with the surface of <paramref name="underlying"/> moved by <paramref name="shift"/>.</summary>
    public static MarketSnapshot In(MarketSnapshot market, string underlying, Func<double, double, double> shift)
    {
        ArgumentNullException.ThrowIfNull(market);
        var surfaces = market.VolSurfaces.SetItem(underlying, new ShiftedVolSurface(market.VolSurfaceFor(underlying), shift));
        return new MarketSnapshot(market.ValuationDate, market.Discount, market.FuturesCurves, surfaces, market.DiscountByCurrency);
    }
}

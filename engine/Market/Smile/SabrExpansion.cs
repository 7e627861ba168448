namespace CarbonDerivatives.Engine.Market.Smile;

/// <summary>Which asymptotic formula turns SABR parameters into a Black volatility.</summary>
public enum SabrExpansion
{
    /// <summary>Hagan et al. (2002), eq. (2.17a): the market's standard lognormal expansion.</summary>
    Hagan2002,

    /// <summary>Obłój (2008), "Fine-tune your smile": the leading term from Berestycki–Busca–Florent, exact as β → 1 and
    /// better behaved far from the money; the same first-order time correction as Hagan.</summary>
    Obloj2008,
}

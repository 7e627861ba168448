using CarbonDerivatives.Engine.Market.Smile;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// One futures leg of a <see cref="CorrelatedFuturesModel"/>: Black-76 (no jumps), Merton jump-diffusion, or Dupire local
/// volatility from a smile surface (<see cref="LocalVolatilityModel"/>), each a martingale.
/// </summary>
/// <param name="Forward">Futures price today, in the leg's own currency per unit; &gt; 0.</param>
/// <param name="Volatility">Diffusion volatility per annum (0.45 = 45%); in [0, 10]; unused under local volatility.</param>
/// <param name="Weight">wᵢ, the signed multiplier of the leg in the simulated price Σ wᵢFᵢ (a ratio
/// times a deterministic FX conversion into the option currency; −1 for the short leg of a spread).</param>
/// <param name="Jumps">Log-normal jumps of this leg, independent of every other leg's; null for none.</param>
/// <param name="LocalVolatilitySurface">The smile whose local volatility the leg follows; null for Black-76 or Merton.</param>
/// <param name="LocalVolatilityShift">Parallel shift of that local volatility (a vega bump).</param>
public sealed record FuturesLeg(double Forward, double Volatility, double Weight, LogNormalJumps? Jumps = null,
    SmileSurface? LocalVolatilitySurface = null, double LocalVolatilityShift = 0);

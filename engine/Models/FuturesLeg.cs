namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// One futures leg of a <see cref="CorrelatedFuturesModel"/>: Black-76 (no jumps) or Merton
/// jump-diffusion, drift-compensated so the futures price is a martingale.
/// </summary>
/// <param name="Forward">Futures price today, in the leg's own currency per unit; &gt; 0.</param>
/// <param name="Volatility">Diffusion volatility per annum (0.45 = 45%); in [0, 10].</param>
/// <param name="Weight">wᵢ, the signed multiplier of the leg in the simulated price Σ wᵢFᵢ (a ratio
/// times a deterministic FX conversion into the option currency; −1 for the short leg of a spread).</param>
/// <param name="Jumps">Log-normal jumps of this leg, independent of every other leg's; null for none.</param>
public sealed record FuturesLeg(double Forward, double Volatility, double Weight, LogNormalJumps? Jumps = null);

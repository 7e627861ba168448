using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market.Smile;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>A calibrated surface, the fit of each expiry and its arbitrage checks.</summary>
/// <param name="Surface">The surface of the fitted slices.</param>
/// <param name="Fits">One fit per expiry, by expiry.</param>
/// <param name="Arbitrage">Arbitrage check of <paramref name="Surface"/>.</param>
/// <param name="UnconstrainedArbitrage">Arbitrage check of the unconstrained fit (the same as <paramref name="Arbitrage"/> when
/// no constrained refit was needed).</param>
/// <param name="Constrained">Whether the slices come from the constrained refit.</param>
public sealed record VolSurfaceFit(SmileSurface Surface, ImmutableArray<SmileFit> Fits, ArbitrageReport Arbitrage,
    ArbitrageReport UnconstrainedArbitrage, bool Constrained);

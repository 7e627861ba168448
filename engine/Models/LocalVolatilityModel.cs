using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// A futures price under Dupire local volatility from a fitted smile surface (see <see cref="LocalVolatilityStepper"/>): the
/// one diffusion that reprices every European option of the surface, so path-dependent prices are consistent with the smile.
/// </summary>
public sealed record LocalVolatilityModel : IPathModel
{
    /// <param name="forward">Futures price today; &gt; 0.</param>
    /// <param name="surface">The smile surface.</param>
    /// <param name="volatilityShift">Parallel shift of the local vol (an implied-vol bump).</param>
    public LocalVolatilityModel(double forward, SmileSurface surface, double volatilityShift = 0)
    {
        ArgumentNullException.ThrowIfNull(surface);
        InitialPrice = Guard.Positive(forward, "forward");
        Surface = surface;
        VolatilityShift = Guard.Finite(volatilityShift, "volatilityShift");
    }

    /// <inheritdoc/>
    public double InitialPrice { get; }

    /// <summary>The smile surface.</summary>
    public SmileSurface Surface { get; }

    /// <summary>Parallel shift of the local vol.</summary>
    public double VolatilityShift { get; }

    /// <inheritdoc/>
    public IPathStepper Prepare(TimeGrid grid) => new LocalVolatilityStepper(Surface, InitialPrice, grid, VolatilityShift);
}

using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Heston stochastic variance of a futures price (<see cref="HestonParameters"/>), simulated with Andersen's QE
/// scheme and its martingale correction (<see cref="HestonQuadraticExponentialStepper"/>): the scheme is not exact,
/// so each grid step is cut into sub-steps of at most <see cref="MaxStep"/>; its bias there is well inside the
/// standard error of the path counts the engine allows (tests/Heston/HestonMonteCarloTests).
/// </summary>
public sealed record HestonModel : IPathModel
{
    /// <summary>Largest simulated sub-step, years (about 2.5 business days).</summary>
    public const double MaxStep = 0.01;

    /// <param name="forward">Futures price today; &gt; 0.</param>
    /// <param name="initialVariance">v₀ ≥ 0.</param>
    /// <param name="parameters">κ, θ, ξ, ρ (their v₀, when set, is the caller's to pass as <paramref name="initialVariance"/>).</param>
    public HestonModel(double forward, double initialVariance, HestonParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        InitialPrice = Guard.Positive(forward, "forward");
        InitialVariance = Guard.InRange(initialVariance, 0, HestonParameters.MaxVariance, "initialVariance");
        Parameters = parameters;
    }

    /// <summary>Futures price today.</summary>
    public double InitialPrice { get; }

    /// <summary>v₀.</summary>
    public double InitialVariance { get; }

    /// <summary>κ, θ, ξ, ρ.</summary>
    public HestonParameters Parameters { get; }

    public IPathStepper Prepare(TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var p = Parameters;
        return new HestonQuadraticExponentialStepper(InitialPrice, InitialVariance, p.MeanReversion, p.LongRunVariance, p.VolOfVol,
            p.Correlation, grid.Steps, MaxStep);
    }
}

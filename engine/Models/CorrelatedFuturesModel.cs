using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Several futures, each Black-76, Merton jump-diffusion or local volatility (<see cref="FuturesLeg"/>), whose Brownian
/// motions are correlated (dWᵢ dWⱼ = ρᵢⱼ dt) and whose jumps are independent per leg. The simulated
/// price is the weighted sum S = Σ wᵢFᵢ (e.g. a spread w₁F₁ − w₂F₂, which may be negative), so the
/// existing payoffs value options on it. Each Black-76 or Merton leg's step is exact (see <see cref="MertonJumpDiffusionModel"/>),
/// a local-volatility leg is stepped on the grid (see <see cref="LocalVolatilityStepper"/>);
/// the correlated normals are L·ε with L the Cholesky factor of the correlation matrix.
/// </summary>
public sealed class CorrelatedFuturesModel : IPathModel
{
    private readonly FuturesLeg[] _legs;
    private readonly double[,] _correlation;

    /// <summary>Creates the model; every input is checked and named on failure.</summary>
    /// <param name="legs">The legs (at least one).</param>
    /// <param name="correlation">Correlations of the legs' Brownian motions (legs x legs).</param>
    /// <exception cref="InvalidInputException">"legs", "legs[i].forward", "legs[i].volatility", "legs[i].weight",
    /// or "correlation[i][j]" (see <see cref="CorrelationMatrix.CholeskyFactor"/>).</exception>
    public CorrelatedFuturesModel(IReadOnlyList<FuturesLeg> legs, double[,] correlation)
        : this(legs, correlation, tracksBrownian: false)
    {
    }

    private CorrelatedFuturesModel(IReadOnlyList<FuturesLeg> legs, double[,] correlation, bool tracksBrownian)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0) Guard.Fail("legs", "must contain at least one leg");
        for (int i = 0; i < legs.Count; i++)
        {
            if (legs[i] is null) Guard.Fail($"legs[{i}]", "must not be null");
            Guard.Positive(legs[i].Forward, $"legs[{i}].forward");
            Guard.InRange(legs[i].Volatility, 0, 10, $"legs[{i}].volatility");
            Guard.Finite(legs[i].Weight, $"legs[{i}].weight");
            if (legs[i].LocalVolatilitySurface is not null && legs[i].Jumps is not null)
                Guard.Fail($"legs[{i}].jumps", "a local-volatility leg has no jumps");
        }
        _legs = legs.ToArray();
        _correlation = (double[,])correlation.Clone();
        Loadings = CorrelationMatrix.CholeskyFactor(correlation, legs.Count);
        TracksBrownian = tracksBrownian;
        InitialPrice = _legs.Sum(leg => leg.Weight * leg.Forward);
    }

    /// <summary>Σ wᵢFᵢ(0), in the option currency per unit; may be zero or negative.</summary>
    public double InitialPrice { get; }

    /// <summary>The legs.</summary>
    public IReadOnlyList<FuturesLeg> Legs => _legs;

    /// <summary>Cholesky factor L of the correlation matrix (row i: loadings of leg i).</summary>
    internal double[,] Loadings { get; }

    /// <summary>Whether the stepper also keeps each factor's cumulative Brownian motion (for CRN vega and correlation bumps).</summary>
    internal bool TracksBrownian { get; }

    /// <summary>The same model, keeping the cumulative Brownian motion of each factor in its state.</summary>
    internal CorrelatedFuturesModel WithBrownianTracking() => new(_legs, _correlation, tracksBrownian: true);

    public IPathStepper Prepare(TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var legSteppers = _legs.Select(leg => leg.LocalVolatilitySurface is { } surface
            ? new LocalVolatilityModel(leg.Forward, surface, leg.LocalVolatilityShift).Prepare(grid)
            : new MertonJumpDiffusionModel(leg.Forward, leg.Volatility, leg.Jumps).Prepare(grid)).ToArray();
        return new CorrelatedLegsStepper(legSteppers, _legs.Select(l => l.Forward).ToArray(), _legs.Select(l => l.Weight).ToArray(),
            Loadings, grid, TracksBrownian);
    }
}

using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// How to value a product, besides the product and the market: the dynamics, closed form or Monte Carlo, the
/// simulation's settings, grid and limits, the Greek bumps, and whether to compute Greeks. A single trade and a
/// book position priced with equal inputs give the same numbers.
/// </summary>
public sealed record PricingInputs
{
    public ValuationModel Model { get; init; } = new Black76Dynamics();

    public ValuationMethod Method { get; init; } = ValuationMethod.Analytic;

    public MonteCarloSettings MonteCarlo { get; init; } = new();

    public GridSettings Grid { get; init; } = new();

    public SensitivityBumps Bumps { get; init; } = new();

    public bool Greeks { get; init; }

    public SimulationLimits Limits { get; init; } = SimulationLimits.Default;

    /// <summary>Correlation of a spread option's legs; required for spreads.</summary>
    public SpreadCorrelation? Correlation { get; init; }
}

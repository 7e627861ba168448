using System.Collections.Immutable;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// How a book is valued: the same inputs a single trade takes (<see cref="PricingInputs"/>), with the dynamics
/// chosen per underlying. Each position goes through the same pricer as <see cref="ValuationService"/> would give it;
/// with Monte Carlo every simulated position of the book runs in one job on common random numbers, so the aggregates'
/// standard errors are those of the sums themselves.
/// </summary>
public sealed record RiskSettings
{
    /// <summary>Closed forms where the product has one, or Monte Carlo for every option.</summary>
    public ValuationMethod Method { get; init; } = ValuationMethod.Analytic;

    /// <summary>Simulation settings: paths per position (mirrors included), seed, variance reduction; antithetic by default.</summary>
    public MonteCarloSettings MonteCarlo { get; init; } = new() { Antithetic = true };

    /// <summary>Simulation grids by product.</summary>
    public GridSettings Grid { get; init; } = new();

    /// <summary>Bumps of the CRN cross-checks and the theta step.</summary>
    public SensitivityBumps Bumps { get; init; } = new();

    /// <summary>Dynamics of the underlyings not named in <see cref="Models"/>.</summary>
    public ValuationModel DefaultModel { get; init; } = new Black76Dynamics();

    /// <summary>Dynamics by underlying code, e.g. Merton jumps for EUA.</summary>
    public ImmutableDictionary<string, ValuationModel> Models { get; init; } = ImmutableDictionary<string, ValuationModel>.Empty;

    /// <summary>The dynamics of <paramref name="underlying"/>.</summary>
    public ValuationModel ModelFor(string underlying) => Models.TryGetValue(underlying, out var model) ? model : DefaultModel;

    /// <summary>The pricing inputs of a position on <paramref name="underlying"/>.</summary>
    public PricingInputs InputsFor(string underlying, SimulationLimits limits, SpreadCorrelation? correlation) => new()
    {
        Model = ModelFor(underlying),
        Method = Method,
        MonteCarlo = MonteCarlo,
        Grid = Grid,
        Bumps = Bumps,
        Greeks = true,
        Limits = limits,
        Correlation = correlation,
    };

    /// <summary>Checks the settings.</summary>
    /// <exception cref="InvalidInputException">"settings.method", "settings.monteCarlo", "settings.models[CODE]", bump fields.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Method)) Guard.Fail("settings.method", $"unknown method {(int)Method}");
        if (MonteCarlo is null) Guard.Fail("settings.monteCarlo", "must be provided");
        if (Grid is null) Guard.Fail("settings.grid", "must be provided");
        if (Bumps is null) Guard.Fail("settings.bumps", "must be provided");
        Bumps.Validate();
        if (DefaultModel is null) Guard.Fail("settings.defaultModel", "must be provided");
        foreach (var (code, model) in Models)
            if (model is null) Guard.Fail($"settings.models[{code}]", "must not be null");
    }
}

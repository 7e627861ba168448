using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// A futures price with Markov-switching volatility (<see cref="RegimeSwitchingParameters"/>): dF/F = σ_{s(t)} dW, the
/// regime chain stepped once per period of the chain (<see cref="RegimeSwitchingStepper"/>), today's regime drawn from
/// the parameters' initial probabilities (the filter's, after a fit).
/// </summary>
public sealed record RegimeSwitchingModel : IPathModel
{
    public RegimeSwitchingModel(double forward, RegimeSwitchingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        InitialPrice = Guard.Positive(forward, "forward");
        Parameters = parameters;
    }

    /// <summary>Futures price today.</summary>
    public double InitialPrice { get; }

    /// <summary>Regimes, chain and today's regime probabilities.</summary>
    public RegimeSwitchingParameters Parameters { get; }

    public IPathStepper Prepare(TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var p = Parameters;
        return new RegimeSwitchingStepper(InitialPrice, p.Volatilities, p.InitialProbabilities, p.TransitionOver, p.PeriodsPerYear, grid.Steps);
    }
}

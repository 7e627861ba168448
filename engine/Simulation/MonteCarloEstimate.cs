namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// A Monte Carlo figure with its standard error and the work behind it. Value and SE are in the
/// units of the payoff (scale both with <see cref="Scale"/> to discount or apply a lot size).
/// </summary>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">One standard error of <paramref name="Value"/>.</param>
/// <param name="Paths">Paths simulated, antithetic mirrors included.</param>
/// <param name="Steps">Time steps per path.</param>
/// <param name="ControlBeta">Regression coefficient of the control variate, when one was used.</param>
/// <param name="VarianceReduction">Plain-sample variance over the variance actually achieved by the control variate (1 without one).</param>
/// <param name="Elapsed">Wall time of the simulation.</param>
public sealed record MonteCarloEstimate(
    double Value,
    double StandardError,
    long Paths,
    int Steps,
    double? ControlBeta,
    double VarianceReduction,
    TimeSpan Elapsed)
{
    /// <summary>Value and SE multiplied by <paramref name="factor"/> (a discount factor, a lot size).</summary>
    public MonteCarloEstimate Scale(double factor) =>
        this with { Value = Value * factor, StandardError = StandardError * Math.Abs(factor) };
}

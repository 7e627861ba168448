using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// The randomness shared by every lognormal (Black-76) or Merton futures price of one underlying: a standard
/// Brownian motion W and, with <see cref="Jumps"/>, the compensated compound-Poisson sum J of log-jumps, so that
/// F(t) = F(0)·exp(σW(t) − σ²t/2 + J(t)) for any forward F(0) and diffusion vol σ (<see cref="DriverStepper"/>).
/// Each step is sampled exactly.
/// </summary>
/// <param name="Jumps">The jump component; null for Black-76.</param>
public sealed record BrownianDriver(LogNormalJumps? Jumps) : IPathModel
{
    /// <summary>W(0) = 0.</summary>
    public double InitialPrice => 0;

    public IPathStepper Prepare(TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var steps = grid.Steps;
        var sqrtStep = new double[steps.Length];
        var compensator = new double[steps.Length];
        double drift = Jumps is null ? 0 : Jumps.Intensity * Jumps.MeanRelativeJump;
        for (int k = 0; k < steps.Length; k++)
        {
            sqrtStep[k] = Math.Sqrt(steps[k]);
            compensator[k] = drift * steps[k];
        }
        double[][] cdf = Jumps?.CountThresholds(steps) ?? [.. Enumerable.Repeat(Array.Empty<double>(), steps.Length)];
        return new DriverStepper(sqrtStep, cdf, compensator, Jumps?.MeanLogJump ?? 0, Jumps?.LogJumpVolatility ?? 0);
    }
}

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Compound Poisson jumps in the log-price: jumps arrive at <see cref="Intensity"/> per year and each
/// multiplies the price by e^Y, Y ~ N(<see cref="MeanLogJump"/>, <see cref="LogJumpVolatility"/>²)
/// (Merton 1976). Fitted to 2021–2025 daily EUA returns: intensity 6.1/yr, mean −2.9%, vol 8.3%
/// (shared MARKETS.md).
/// </summary>
public sealed record LogNormalJumps
{
    /// <summary>Largest expected number of jumps in one step; beyond it a finer grid is needed.</summary>
    public const double MaxJumpsPerStep = 50;

    public LogNormalJumps(double jumpIntensity, double jumpMean, double jumpVolatility)
    {
        Intensity = Guard.InRange(jumpIntensity, 0, 10_000, nameof(jumpIntensity));
        MeanLogJump = Guard.InRange(jumpMean, -5, 5, nameof(jumpMean));
        LogJumpVolatility = Guard.InRange(jumpVolatility, 0, 5, nameof(jumpVolatility));
    }

    /// <summary>Expected number of jumps per year (λ).</summary>
    public double Intensity { get; }

    /// <summary>Mean of the log jump size (μ_J).</summary>
    public double MeanLogJump { get; }

    /// <summary>Standard deviation of the log jump size (σ_J).</summary>
    public double LogJumpVolatility { get; }

    /// <summary>k = E[e^Y] − 1, the mean relative jump; λk is the drift compensator.</summary>
    public double MeanRelativeJump => Math.Exp(MeanLogJump + 0.5 * LogJumpVolatility * LogJumpVolatility) - 1;

    /// <summary>Poisson CDF thresholds of the jump count in each step of <paramref name="steps"/>.</summary>
    internal double[][] CountThresholds(ReadOnlySpan<double> steps)
    {
        var cdf = new double[steps.Length][];
        for (int k = 0; k < steps.Length; k++)
        {
            double mean = Intensity * steps[k];
            if (mean > MaxJumpsPerStep)
                Guard.Fail("jumpIntensity", $"expects {mean:G4} jumps in one step (max {MaxJumpsPerStep}); use more steps");
            cdf[k] = Simulation.PoissonThresholds.Cdf(mean);
        }
        return cdf;
    }
}

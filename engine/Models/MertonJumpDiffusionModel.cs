using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Merton (1976) jump-diffusion on a futures price, drift-compensated so F is a martingale:
/// dF/F = −λk dt + σ dW + (e^Y − 1) dN. Each step is sampled exactly (Poisson count by inversion,
/// the sum of N normal log-jumps as one normal). The model Daskalakis, Psychoyios &amp; Markellos
/// (2009) find fits EUA prices best. Without jumps it is <see cref="Black76Model"/>.
/// </summary>
public sealed record MertonJumpDiffusionModel : IPathModel
{
    public MertonJumpDiffusionModel(double forward, double volatility, LogNormalJumps? jumps)
    {
        InitialPrice = Guard.Positive(forward, "forward");
        Volatility = Guard.InRange(volatility, 0, 10, "volatility");
        Jumps = jumps;
    }

    /// <summary>Futures price today, currency per unit.</summary>
    public double InitialPrice { get; }

    /// <summary>Diffusion volatility per annum.</summary>
    public double Volatility { get; }

    /// <summary>The jump component; null for none.</summary>
    public LogNormalJumps? Jumps { get; }

    public IPathStepper Prepare(TimeGrid grid)
    {
        int n = grid.Count;
        var steps = grid.Steps;
        double compensator = Jumps is null ? 0 : Jumps.Intensity * Jumps.MeanRelativeJump;
        var a = new double[n];
        var b = new double[n];
        var c = new double[n];
        var expected = new double[n];
        for (int k = 0; k < n; k++)
        {
            a[k] = 1;
            b[k] = -(0.5 * Volatility * Volatility + compensator) * steps[k];
            c[k] = Volatility * Math.Sqrt(steps[k]);
            expected[k] = InitialPrice;
        }
        double[][] cdf = Jumps?.CountThresholds(steps) ?? Enumerable.Repeat(Array.Empty<double>(), n).ToArray();
        return new AffineLogStepper(Math.Log(InitialPrice), a, b, c, cdf,
            Jumps?.MeanLogJump ?? 0, Jumps?.LogJumpVolatility ?? 0, expected);
    }
}

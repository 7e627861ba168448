using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Models;

/// <summary>
/// Schwartz (1997) one-factor mean-reverting log-price, for thinly traded pollution-discharge rights
/// and pilot-market allowances: d ln S = κ(ln L − ln S) dt + σ dW under the pricing measure, with
/// optional log-normal jumps (regulatory announcements). The Ornstein–Uhlenbeck step is sampled
/// exactly: x_{k+1} = e^{−κΔt} x_k + (1 − e^{−κΔt}) ln L + σ√((1 − e^{−2κΔt}) / 2κ) z.
/// Jumps in a step are added at its end and then decay with the process; the simulated expectation
/// of S is therefore computed for that discrete jump timing (it tends to the continuous one as Δt → 0).
/// </summary>
public sealed record SchwartzOneFactorModel : IPathModel
{
    public SchwartzOneFactorModel(double spot, double meanReversion, double longRunPrice, double volatility, LogNormalJumps? jumps = null)
    {
        InitialPrice = Guard.Positive(spot, "spot");
        MeanReversion = Guard.InRange(meanReversion, 0, 1000, "meanReversion");
        LongRunPrice = Guard.Positive(longRunPrice, "longRunPrice");
        Volatility = Guard.InRange(volatility, 0, 10, "volatility");
        Jumps = jumps;
    }

    /// <summary>Spot price today, currency per unit.</summary>
    public double InitialPrice { get; }

    /// <summary>Speed of mean reversion κ per year (ln 2 / κ is the half-life).</summary>
    public double MeanReversion { get; }

    /// <summary>Long-run price level L (the log-price reverts to ln L) under the pricing measure.</summary>
    public double LongRunPrice { get; }

    /// <summary>Volatility of the log-price per annum.</summary>
    public double Volatility { get; }

    /// <summary>The jump component; null for none.</summary>
    public LogNormalJumps? Jumps { get; }

    /// <summary>e^{−κt}.</summary>
    internal double Persistence(double t) => Math.Exp(-MeanReversion * t);

    /// <summary>Var[ln S_t − ln S_0 e^{−κt}] of the diffusion over t: σ²(1 − e^{−2κt}) / 2κ (σ²t as κ → 0).</summary>
    internal double DiffusionVariance(double t)
    {
        double kt2 = 2 * MeanReversion * t;
        double factor = kt2 < 1e-8 ? t * (1 - kt2 / 2) : -double.ExpM1(-kt2) / (2 * MeanReversion);
        return Volatility * Volatility * factor;
    }

    public IPathStepper Prepare(TimeGrid grid)
    {
        int n = grid.Count;
        var steps = grid.Steps;
        double logLevel = Math.Log(LongRunPrice);
        var a = new double[n];
        var b = new double[n];
        var c = new double[n];
        for (int k = 0; k < n; k++)
        {
            a[k] = Persistence(steps[k]);
            b[k] = (1 - a[k]) * logLevel;
            c[k] = Math.Sqrt(DiffusionVariance(steps[k]));
        }
        double[][] cdf = Jumps?.CountThresholds(steps) ?? Enumerable.Repeat(Array.Empty<double>(), n).ToArray();
        return new AffineLogStepper(Math.Log(InitialPrice), a, b, c, cdf,
            Jumps?.MeanLogJump ?? 0, Jumps?.LogJumpVolatility ?? 0, ExpectedPrices(a, b, c, steps));
    }

    /// <summary>E[S] at each step of the discrete dynamics: lognormal diffusion part times the jump MGF.</summary>
    private double[] ExpectedPrices(double[] a, double[] b, double[] c, ReadOnlySpan<double> steps)
    {
        int n = a.Length;
        var expected = new double[n];
        double mean = Math.Log(InitialPrice), variance = 0;
        for (int m = 0; m < n; m++)
        {
            mean = a[m] * mean + b[m];
            variance = a[m] * a[m] * variance + c[m] * c[m];
            expected[m] = Math.Exp(mean + 0.5 * variance + JumpLogMgf(a, steps, m));
        }
        return expected;
    }

    /// <summary>ln E[exp(jump part of x after step m)]: jumps of step j decay by a_{j+1}···a_m.</summary>
    private double JumpLogMgf(double[] a, ReadOnlySpan<double> steps, int m)
    {
        if (Jumps is null || Jumps.Intensity == 0) return 0;
        double total = 0, weight = 1;
        for (int j = m; j >= 0; j--)
        {
            double mgf = Math.Exp(weight * Jumps.MeanLogJump + 0.5 * weight * weight * Jumps.LogJumpVolatility * Jumps.LogJumpVolatility);
            total += Jumps.Intensity * steps[j] * (mgf - 1);
            weight *= a[j];
        }
        return total;
    }
}

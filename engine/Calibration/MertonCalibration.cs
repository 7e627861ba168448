using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// Maximum-likelihood fit of Merton's jump-diffusion to a series of log returns over equal periods
/// Δt = 1/periodsPerYear: r = μΔt + σ√Δt·z + Σ_{i≤N} Yᵢ, N ~ Poisson(λΔt), Yᵢ ~ N(m, s²), so the density
/// of r is the Poisson mixture Σₙ P(N = n)·φ(r; μΔt + n·m, σ²Δt + n·s²) (Press 1967; Ball &amp; Torous
/// 1985), truncated once the Poisson tail is below 10⁻¹⁴. The log-likelihood is maximised by
/// Nelder–Mead (MathNet) over (μ, ln σ, ln λ, m, ln s) from a start at the sample moments, then
/// restarted from the optimum until it stops improving. μ is the physical drift: pricing uses σ and the
/// jumps only (the pricing measure compensates the drift).
/// </summary>
public static class MertonCalibration
{
    /// <summary>Fewest returns a fit accepts: jumps are rare, so a few months of data identify nothing.</summary>
    public const int MinReturns = 250;

    /// <param name="logReturns">ln(Pₖ₊₁/Pₖ), oldest first, each finite (from prices: <see cref="Market.PriceHistory.LogReturns"/>).</param>
    /// <param name="periodsPerYear">Periods per year of the returns (252 for trading days).</param>
    /// <exception cref="InvalidInputException">"logReturns" (too few, or constant), "logReturns[i]" (not finite), "periodsPerYear".</exception>
    public static MertonFit Fit(IReadOnlyList<double> logReturns, double periodsPerYear = 252)
    {
        ArgumentNullException.ThrowIfNull(logReturns);
        Guard.Positive(periodsPerYear, "periodsPerYear");
        if (logReturns.Count < MinReturns) Guard.Fail("logReturns", $"needs at least {MinReturns} returns to identify jumps, got {logReturns.Count}");
        var r = new double[logReturns.Count];
        for (int i = 0; i < r.Length; i++) r[i] = Guard.Finite(logReturns[i], $"logReturns[{i}]");
        double dt = 1 / periodsPerYear, mean = r.Average(), sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1));
        if (sd == 0) Guard.Fail("logReturns", "are all equal: no volatility to fit");

        double NegativeLogLikelihood(Vector<double> p) => -LogLikelihood(r, dt, p[0], Math.Exp(p[1]), Math.Exp(p[2]), p[3], Math.Exp(p[4]));
        // Start: diffusion at 80% of the sample vol, a few jumps a year of three daily standard deviations.
        var point = Vector<double>.Build.DenseOfArray([mean / dt, Math.Log(0.8 * sd / Math.Sqrt(dt)), Math.Log(5.0), 0, Math.Log(3 * sd)]);
        var step = Vector<double>.Build.DenseOfArray([0.5 * sd / dt, 0.3, 0.5, sd, 0.3]);
        point = RestartedNelderMead.Minimize(NegativeLogLikelihood, point, step, 1e-10, 20_000, 10, 1e-7);

        double gaussianVol = sd / Math.Sqrt(dt);
        double gaussian = LogLikelihood(r, dt, mean / dt, gaussianVol, 0, 0, 1);
        return new MertonFit(point[0], Math.Exp(point[1]), new LogNormalJumps(Math.Exp(point[2]), point[3], Math.Exp(point[4])),
            -NegativeLogLikelihood(point), r.Length, gaussianVol, gaussian);
    }

    /// <summary>
    /// <see cref="Fit"/> on the daily log returns of a price history (ascending dates); too few or constant prices are
    /// named "prices", as the returns come from them.
    /// </summary>
    public static MertonFit FitPrices(IReadOnlyList<double> prices, double periodsPerYear = 252)
    {
        var returns = Market.PriceHistory.LogReturns(prices);
        try
        {
            return Fit(returns, periodsPerYear);
        }
        catch (InvalidInputException e) when (e.Field.StartsWith("logReturns", StringComparison.Ordinal))
        {
            throw new InvalidInputException("prices", e.Reason);
        }
    }

    /// <summary>The log-likelihood of <paramref name="logReturns"/> under the given parameters (no jumps when <paramref name="jumps"/> is null).</summary>
    public static double LogLikelihood(IReadOnlyList<double> logReturns, double drift, double volatility, LogNormalJumps? jumps, double periodsPerYear = 252)
    {
        ArgumentNullException.ThrowIfNull(logReturns);
        return LogLikelihood(logReturns.ToArray(), 1 / Guard.Positive(periodsPerYear, "periodsPerYear"), drift, volatility,
            jumps?.Intensity ?? 0, jumps?.MeanLogJump ?? 0, jumps?.LogJumpVolatility ?? 1);
    }

    /// <summary>Σ ln f(rᵢ) under Merton with annual drift μ, vol σ, intensity λ, log-jump mean m and vol s.</summary>
    private static double LogLikelihood(ReadOnlySpan<double> returns, double dt, double mu, double sigma, double lambda, double m, double s)
    {
        if (!(sigma > 1e-6 && sigma < 10 && lambda < 1_000 && s > 1e-6 && s < 5)) return double.NegativeInfinity;
        double expected = lambda * dt;
        int terms = 1;
        double tail = 1 - Math.Exp(-expected);
        for (double weight = Math.Exp(-expected); tail > 1e-14 && terms < 60; terms++)
        {
            weight *= expected / terms;
            tail -= weight;
        }
        Span<double> weights = stackalloc double[terms], means = stackalloc double[terms], variances = stackalloc double[terms];
        double w = Math.Exp(-expected);
        for (int n = 0; n < terms; n++)
        {
            if (n > 0) w *= expected / n;
            weights[n] = w;
            means[n] = mu * dt + n * m;
            variances[n] = sigma * sigma * dt + n * s * s;
        }
        double total = 0;
        foreach (double x in returns)
        {
            double density = 0;
            for (int n = 0; n < terms; n++)
            {
                double d = x - means[n];
                density += weights[n] * Math.Exp(-0.5 * d * d / variances[n]) / Math.Sqrt(2 * Math.PI * variances[n]);
            }
            total += Math.Log(Math.Max(density, 1e-300));
        }
        return total;
    }
}

/// <summary>A maximum-likelihood Merton fit and, for comparison, the Gaussian (no-jump) fit of the same returns.</summary>
/// <param name="Drift">Physical drift μ per year.</param>
/// <param name="Volatility">Diffusion volatility σ per year.</param>
/// <param name="Jumps">Intensity per year, mean and volatility of the log jump.</param>
/// <param name="LogLikelihood">Maximised log-likelihood.</param>
/// <param name="Observations">Returns used.</param>
/// <param name="GaussianVolatility">Sample volatility per year (the no-jump fit).</param>
/// <param name="GaussianLogLikelihood">Log-likelihood of the no-jump fit.</param>
public sealed record MertonFit(double Drift, double Volatility, LogNormalJumps Jumps, double LogLikelihood, int Observations,
    double GaussianVolatility, double GaussianLogLikelihood)
{
    /// <summary>Total annual variance σ² + λ(m² + s²): the volatility a Gaussian model would see, √ of it.</summary>
    public double TotalVolatility => Math.Sqrt(Volatility * Volatility + Jumps.Intensity * (Jumps.MeanLogJump * Jumps.MeanLogJump +
        Jumps.LogJumpVolatility * Jumps.LogJumpVolatility));
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// Models fitted to a smile of implied-volatility quotes (<see cref="OptionQuoteFitter"/>): Heston (v₀, κ, θ, ξ, ρ) by
/// its Fourier price, Merton (σ, λ, μ_J, σ_J) by its series, and Black-76 (one flat vol) as the baseline a smile model
/// must beat.
/// </summary>
public static class QuoteCalibration
{
    /// <summary>Heston from four starts (ξ 0.5 or 1.2, ρ −0.5 or 0; v₀ = θ = the squared mean quoted vol, κ = 2).</summary>
    /// <exception cref="Validation.InvalidInputException">"quotes" (too few), "quotes[i].…".</exception>
    public static ModelQuoteFit<HestonParameters> Heston(IReadOnlyList<OptionQuote> quotes, CancellationToken cancellation = default)
    {
        double v = MeanVariance(quotes);
        double[][] starts = [[v, 2, v, 0.5, -0.5], [v, 2, v, 1.2, -0.5], [v, 2, v, 0.5, 0], [v, 2, v, 1.2, 0]];
        var fit = OptionQuoteFitter.Fit(quotes, (p, type, q) => HestonFourier.Price(type, q.Forward, q.Strike, q.Expiry, p[0],
                new HestonParameters(p[1], p[2], p[3], p[4]), 1),
            starts, [1e-3, 0.05, 1e-3, 0.01, -0.99], [4, 20, 4, 5, 0.99], cancellation);
        var p = fit.Parameters;
        return new(new HestonParameters(p[1], p[2], p[3], p[4], p[0]), fit.RmsVolPoints, fit.MaxVolPoints, fit.ErrorsVolPoints);
    }

    /// <summary>Merton from three starts (λ 1, 5 or 15 a year; jumps of −5% ± 10%; σ at 80% of the mean quoted vol).</summary>
    public static ModelQuoteFit<(double Volatility, LogNormalJumps Jumps)> Merton(IReadOnlyList<OptionQuote> quotes,
        CancellationToken cancellation = default)
    {
        double vol = Math.Sqrt(MeanVariance(quotes));
        double[][] starts = [[0.8 * vol, 1, -0.05, 0.1], [0.8 * vol, 5, -0.05, 0.1], [0.8 * vol, 15, -0.02, 0.05]];
        var fit = OptionQuoteFitter.Fit(quotes, (p, type, q) => MertonJumpDiffusion.Price(type, q.Forward, q.Strike, q.Expiry, p[0], p[1], p[2], p[3], 1),
            starts, [0.005, 0, -1, 0.001], [3, 50, 1, 1], cancellation);
        var p = fit.Parameters;
        return new((p[0], new LogNormalJumps(p[1], p[2], p[3])), fit.RmsVolPoints, fit.MaxVolPoints, fit.ErrorsVolPoints);
    }

    /// <summary>Black-76 with one volatility for every quote.</summary>
    public static ModelQuoteFit<double> Black76Flat(IReadOnlyList<OptionQuote> quotes, CancellationToken cancellation = default)
    {
        var fit = OptionQuoteFitter.Fit(quotes, (p, type, q) => Black76.Price(type, q.Forward, q.Strike, q.Expiry, p[0], 1),
            [[Math.Sqrt(MeanVariance(quotes))]], [1e-4], [5], cancellation);
        return new(fit.Parameters[0], fit.RmsVolPoints, fit.MaxVolPoints, fit.ErrorsVolPoints);
    }

    private static double MeanVariance(IReadOnlyList<OptionQuote> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var valid = quotes.Where(q => q is not null && double.IsFinite(q.Volatility) && q.Volatility > 0).ToArray();
        return valid.Length == 0 ? 0.09 : Math.Clamp(valid.Average(q => q.Volatility * q.Volatility), 1e-4, 4);
    }
}

/// <summary>A model fitted to quotes: its parameters and its errors in vol points (1 = 1%).</summary>
public sealed record ModelQuoteFit<T>(T Parameters, double RmsVolPoints, double MaxVolPoints, IReadOnlyList<double> ErrorsVolPoints);

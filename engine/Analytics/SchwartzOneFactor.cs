using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.Integration;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Closed forms of the Schwartz (1997) one-factor model (<see cref="SchwartzOneFactorModel"/>):
/// ln S_T is normal with mean m = e^{−κT} ln S_0 + (1 − e^{−κT}) ln L and variance
/// v = σ²(1 − e^{−2κT}) / 2κ, so the futures price for delivery T is F = exp(m + v/2) and a European
/// option on S_T is Black-76 on F with total variance v. With jumps the futures price gains the factor
/// exp(λ ∫₀ᵀ (E[e^{w(s)Y}] − 1) ds), w(s) = e^{−κ(T − s)} (a jump at s decays until T), integrated
/// numerically by Gauss–Legendre.
/// Source: E. S. Schwartz, "The stochastic behavior of commodity prices", J. Finance 52(3) (1997) 923–973.
/// </summary>
public static class SchwartzOneFactor
{
    /// <summary>Futures price for delivery at <paramref name="expiry"/> years (E[S_T] under the pricing measure).</summary>
    public static double FuturesPrice(SchwartzOneFactorModel model, double expiry)
    {
        Guard.NonNegative(expiry, "expiry");
        var (mean, variance) = LogMoments(model, expiry);
        return Math.Exp(mean + 0.5 * variance + JumpLogFactor(model, expiry));
    }

    /// <summary>
    /// Present value per unit of a European option on the spot price at <paramref name="expiry"/>, without jumps.
    /// </summary>
    public static double OptionPrice(SchwartzOneFactorModel model, OptionType type, double strike, double expiry, double discountFactor)
    {
        if (model.Jumps is { Intensity: > 0 })
            Guard.Fail("model.jumps", "the closed-form option price is for the model without jumps; use Monte Carlo");
        Guard.Positive(expiry, "expiry");
        var (_, variance) = LogMoments(model, expiry);
        return Black76.Price(type, FuturesPrice(model, expiry), strike, expiry, Math.Sqrt(variance / expiry), discountFactor);
    }

    private static (double Mean, double Variance) LogMoments(SchwartzOneFactorModel model, double t)
    {
        double persistence = model.Persistence(t);
        double mean = persistence * Math.Log(model.InitialPrice) + (1 - persistence) * Math.Log(model.LongRunPrice);
        return (mean, model.DiffusionVariance(t));
    }

    private static double JumpLogFactor(SchwartzOneFactorModel model, double t)
    {
        if (model.Jumps is not { Intensity: > 0 } jumps || t == 0) return 0;
        double mu = jumps.MeanLogJump, s2 = jumps.LogJumpVolatility * jumps.LogJumpVolatility;
        double Integrand(double s)
        {
            double w = Math.Exp(-model.MeanReversion * (t - s));
            return Math.Exp(w * mu + 0.5 * w * w * s2) - 1;
        }
        return jumps.Intensity * GaussLegendreRule.Integrate(Integrand, 0, t, 64);
    }
}

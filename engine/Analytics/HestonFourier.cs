using System.Numerics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.Integration;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// European options on a futures price under Heston (<see cref="HestonParameters"/>) by Lewis' (2000) single
/// integral: C = DF·(F − √(FK)/π ∫₀^∞ Re[e^{iu·ln(F/K)} φ(u − i/2)] / (u² + ¼) du), φ the characteristic function
/// of ln(F_T/F). φ in the "little Heston trap" form of Albrecher, Mayer, Schoutens &amp; Tistaert (2007), which has no
/// branch-cut discontinuity at long expiries; puts by parity. The integrand is smooth and decays at least like
/// 1/u²: Gauss–Legendre panels until the bound on the rest of the integral falls below 1e-17·F.
/// <para>Sources: A. Lewis, "Option Valuation under Stochastic Volatility" (2000), ch. 2; H. Albrecher et al.,
/// "The little Heston trap", Wilmott Magazine (Jan 2007) 83–92; S. Heston, Rev. Financial Studies 6 (1993) 327–343.</para>
/// </summary>
public static class HestonFourier
{
    private const double PanelWidth = 2;
    private const int MaxPanels = 50_000;
    private const double RelativeTailTolerance = 1e-17;
    private const int PointsPerPanel = 32;

    /// <summary>Present value per unit of a European option on a futures price.</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Futures price today; &gt; 0.</param>
    /// <param name="strike">Strike; &gt; 0.</param>
    /// <param name="expiry">Years to expiry; ≥ 0 (0: intrinsic).</param>
    /// <param name="initialVariance">v₀ ≥ 0.</param>
    /// <param name="parameters">κ, θ, ξ, ρ (its own v₀ is ignored: <paramref name="initialVariance"/> is the one used).</param>
    /// <param name="discountFactor">Discount factor to payment; &gt; 0.</param>
    /// <exception cref="InvalidInputException">An input out of range (Field names it); "expiry" where the integral does not converge.</exception>
    public static double Price(OptionType type, double forward, double strike, double expiry, double initialVariance, HestonParameters parameters,
        double discountFactor)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.Positive(forward, "forward");
        Guard.Positive(strike, "strike");
        Guard.NonNegative(expiry, "expiry");
        Guard.InRange(initialVariance, 0, HestonParameters.MaxVariance, "initialVariance");
        Guard.Positive(discountFactor, "discountFactor");
        double call = expiry == 0 ? Math.Max(forward - strike, 0) : UndiscountedCall(forward, strike, expiry, initialVariance, parameters);
        // Bounds of any arbitrage-free call: the integral's last rounding may cross them by an ulp.
        call = Math.Clamp(call, Math.Max(forward - strike, 0), forward);
        double value = type == OptionType.Call ? call : call - (forward - strike);
        return discountFactor * Math.Max(value, 0);
    }

    private static double UndiscountedCall(double forward, double strike, double expiry, double v0, HestonParameters p)
    {
        double logMoneyness = Math.Log(forward / strike);
        double scale = Math.Sqrt(forward * strike) / Math.PI;
        double integral = 0;
        Func<double, double> integrand = u => Integrand(u, logMoneyness, expiry, v0, p);
        for (int panel = 0; panel < MaxPanels; panel++)
        {
            double a = panel * PanelWidth;
            integral += GaussLegendreRule.Integrate(integrand, a, a + PanelWidth, PointsPerPanel);
            double end = a + PanelWidth;
            // |integrand| ≤ |φ(u − i/2)|/u² and |φ| decreases in u: the rest is at most |φ(end − i/2)|/end.
            double tail = scale * CharacteristicFunction(new Complex(end, -0.5), expiry, v0, p).Magnitude / end;
            if (tail < RelativeTailTolerance * forward) return forward - scale * integral;
        }
        throw new InvalidInputException("expiry", "the Heston integral did not converge: the expiry is too short for the variance");
    }

    private static double Integrand(double u, double logMoneyness, double expiry, double v0, HestonParameters p)
    {
        var phi = CharacteristicFunction(new Complex(u, -0.5), expiry, v0, p);
        return (Complex.Exp(new Complex(0, u * logMoneyness)) * phi).Real / (u * u + 0.25);
    }

    /// <summary>E[exp(iu·ln(F_T/F₀))] for complex u, in the little-trap form.</summary>
    internal static Complex CharacteristicFunction(Complex u, double t, double v0, HestonParameters p)
    {
        double kappa = p.MeanReversion, theta = p.LongRunVariance, xi = p.VolOfVol, rho = p.Correlation;
        var iu = Complex.ImaginaryOne * u;
        var beta = kappa - rho * xi * iu;
        var spread = iu + u * u;
        var d = Complex.Sqrt(beta * beta + xi * xi * spread);
        // (β − d)/ξ² and g written without the cancellation of β − d, and ln((1 − g·e^{−dt})/(1 − g)) as ln(1 + z) of a
        // small z: at small ξ both are O(ξ²) and are divided by ξ² below.
        var minusOverXi2 = -spread / (beta + d);
        var g = xi * xi * minusOverXi2 / (beta + d);
        var decay = Complex.Exp(-d * t);
        var logRatio = LogOnePlus(g * (1 - decay) / (1 - g));
        var c = kappa * theta * (minusOverXi2 * t - 2 * logRatio / (xi * xi));
        var dTerm = minusOverXi2 * (1 - decay) / (1 - g * decay);
        return Complex.Exp(c + dTerm * v0);
    }

    /// <summary>ln(1 + z), accurate for small |z| (a short series where 1 + z would round z away).</summary>
    private static Complex LogOnePlus(Complex z)
    {
        if (z.Magnitude > 1e-3) return Complex.Log(1 + z);
        Complex sum = 0, power = z;
        for (int k = 1; k <= 7; k++, power *= -z) sum += power / k;
        return sum;
    }
}

using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Greeks of a spread option per lot, discounted, in the option currency (units in <see cref="SpreadGreeks"/>):
/// analytic from Margrabe's formula (K = 0), or finite differences of Kirk's approximation (K ≠ 0). The Monte Carlo
/// Greeks are measures over one simulation's revaluation scenarios (<c>Pricing.MonteCarlo.SpreadSimulation</c>).
/// </summary>
public static class SpreadOptionGreeks
{
    /// <summary>
    /// Exact Greeks from Margrabe's formula. With A = w₁F₁, B = w₂F₂ the value is Black-76 in (A, B, σ),
    /// homogeneous of degree 1 in (A, B), so V_B = (V − A·V_A)/B, V_AB = −A·V_AA/B, V_BB = A²·V_AA/B²;
    /// the vegas follow from ∂σ/∂σ₁ = (σ₁ − ρσ₂)/σ, ∂σ/∂σ₂ = (σ₂ − ρσ₁)/σ, ∂σ/∂ρ = −σ₁σ₂/σ.
    /// </summary>
    /// <exception cref="InvalidInputException">"strike" when K ≠ 0 (Kirk is an approximation: use
    /// <see cref="FiniteDifferenceOfKirk"/>); "correlation" when the exchange volatility σ is 0 (vegas undefined).</exception>
    public static SpreadGreeks Analytic(ResolvedSpreadOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (option.Strike != 0) Guard.Fail("strike", "analytic spread Greeks are exact only for K = 0 (Margrabe); use the Monte Carlo Greeks");
        double w1 = option.Leg1.Weight, w2 = option.Leg2.Weight, a = option.Leg1.WeightedForward, b = option.Leg2.WeightedForward;
        double s1 = option.Leg1.Volatility, s2 = option.Leg2.Volatility, rho = option.Correlation, t = option.Expiry;
        double sigma = Margrabe.ExchangeVolatility(s1, s2, rho);
        if (sigma * Math.Sqrt(t) == 0) Guard.Fail("correlation", "the spread's exchange volatility is zero: vegas and correlation sensitivity are not differentiable");
        var black = Black76.GreeksUnchecked(option.Type, a, b, t, sigma, option.DiscountFactor, rate: 0);
        double deltaB = (black.Price - a * black.Delta) / b;
        double gammaAb = -a * black.Gamma / b;
        double gammaBb = a * a * black.Gamma / (b * b);
        double lot = option.LotSize;
        GreekEstimate Exact(double value) => GreekEstimate.Exact(lot * value);
        return new SpreadGreeks(
            Exact(w1 * black.Delta), Exact(w2 * deltaB),
            Exact(w1 * w1 * black.Gamma), Exact(w2 * w2 * gammaBb), Exact(w1 * w2 * gammaAb),
            Exact(black.Vega * (s1 - rho * s2) / sigma), Exact(black.Vega * (s2 - rho * s1) / sigma),
            Exact(-black.Vega * s1 * s2 / sigma));
    }

    /// <summary>
    /// Greeks of Kirk's approximation (K ≠ 0) by central differences with small bumps (F·(1 ± 10⁻⁴),
    /// gammas F·(1 ± 10⁻³), σ ± 10⁻⁴, ρ ± min(10⁻⁴, (1 − |ρ|)/2)): exact derivatives of the approximation,
    /// whose own error is that of Kirk's price (small near the money and for moderate K; see the tests).
    /// </summary>
    public static SpreadGreeks FiniteDifferenceOfKirk(ResolvedSpreadOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double V(double m1, double m2, double dv1, double dv2, double dr) => SpreadOptionPricer.PriceAnalytic(new ResolvedSpreadOption(
            option.Type, option.Strike, option.Expiry, Bumped(option.Leg1, m1, dv1, "leg1"), Bumped(option.Leg2, m2, dv2, "leg2"),
            option.Correlation + dr, option.DiscountFactor, option.LotSize)).Value;
        double f1 = option.Leg1.Forward, f2 = option.Leg2.Forward, h = 1e-4, g = 1e-3, dv = 1e-4;
        double down1 = Math.Min(dv, option.Leg1.Volatility), down2 = Math.Min(dv, option.Leg2.Volatility);
        double dr = Math.Min(1e-4, (1 - Math.Abs(option.Correlation)) / 2);
        double v = V(1, 1, 0, 0, 0);
        static GreekEstimate Fd(double value) => new(value, 0, GreekMethod.FiniteDifference);
        return new SpreadGreeks(
            Fd((V(1 + h, 1, 0, 0, 0) - V(1 - h, 1, 0, 0, 0)) / (2 * h * f1)),
            Fd((V(1, 1 + h, 0, 0, 0) - V(1, 1 - h, 0, 0, 0)) / (2 * h * f2)),
            Fd((V(1 + g, 1, 0, 0, 0) - 2 * v + V(1 - g, 1, 0, 0, 0)) / Square(g * f1)),
            Fd((V(1, 1 + g, 0, 0, 0) - 2 * v + V(1, 1 - g, 0, 0, 0)) / Square(g * f2)),
            Fd((V(1 + g, 1 + g, 0, 0, 0) - V(1 + g, 1 - g, 0, 0, 0) - V(1 - g, 1 + g, 0, 0, 0) + V(1 - g, 1 - g, 0, 0, 0)) / (4 * g * g * f1 * f2)),
            Fd((V(1, 1, dv, 0, 0) - V(1, 1, -down1, 0, 0)) / (dv + down1)),
            Fd((V(1, 1, 0, dv, 0) - V(1, 1, 0, -down2, 0)) / (dv + down2)),
            Fd(dr > 0 ? (V(1, 1, 0, 0, dr) - V(1, 1, 0, 0, -dr)) / (2 * dr) : 0));
    }

    private static ResolvedSpreadLeg Bumped(ResolvedSpreadLeg leg, double priceFactor, double volShift, string field) =>
        new(leg.Forward * priceFactor, leg.Volatility + volShift, leg.Weight, field);

    private static double Square(double x) => x * x;
}

using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Greeks of a spread option per lot, discounted, in the option currency (units in <see cref="SpreadGreeks"/>):
/// analytic from Margrabe's formula (K = 0), or by Monte Carlo bump-and-revalue with common random numbers.
/// </summary>
public static class SpreadOptionGreeks
{
    /// <summary>Relative bump of a futures price for the Monte Carlo delta, gamma and cross-gamma.</summary>
    public const double PriceBump = 0.01;

    /// <summary>Absolute bump of a volatility for the Monte Carlo vegas.</summary>
    public const double VolatilityBump = 0.01;

    /// <summary>Largest absolute bump of the correlation (smaller near ±1 so the bumped matrix stays positive definite).</summary>
    public const double CorrelationBump = 0.01;

    /// <summary>
    /// Exact Greeks from Margrabe's formula. With A = w₁F₁, B = w₂F₂ the value is Black-76 in (A, B, σ),
    /// homogeneous of degree 1 in (A, B), so V_B = (V − A·V_A)/B, V_AB = −A·V_AA/B, V_BB = A²·V_AA/B²;
    /// the vegas follow from ∂σ/∂σ₁ = (σ₁ − ρσ₂)/σ, ∂σ/∂σ₂ = (σ₂ − ρσ₁)/σ, ∂σ/∂ρ = −σ₁σ₂/σ.
    /// </summary>
    /// <exception cref="InvalidInputException">"strike" when K ≠ 0 (Kirk is an approximation: use
    /// <see cref="MonteCarlo"/>); "correlation" when the exchange volatility σ is 0 (vegas undefined).</exception>
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
    /// Greeks by bump-and-revalue on common random numbers: each Greek is one simulation (same seed as
    /// the price) whose path payoff is the finite-difference combination of the bumped revaluations, so
    /// its standard error is that of the difference. Price bumps scale the leg paths (exact for these
    /// models); volatility and correlation bumps rebuild each leg's terminal log-price from the same
    /// Brownian motions (jumps unchanged). Central differences: F·(1 ± <see cref="PriceBump"/>),
    /// σ ± <see cref="VolatilityBump"/> (floored at 0), ρ ± min(<see cref="CorrelationBump"/>, (1 − |ρ|)/2). The expectation
    /// of each figure is exactly the same finite difference of the true price.
    /// </summary>
    /// <param name="option">The resolved option; expiry &gt; 0, |ρ| &lt; 1.</param>
    /// <param name="jumps">Jumps of leg 1 and leg 2 (either may be null), or null for Black-76 legs.</param>
    /// <param name="steps">Time steps to expiry.</param>
    /// <param name="settings">Paths, seed, antithetic/Sobol (the control variate is not used for differences).</param>
    /// <param name="limits">Server limits per simulation; eight simulations are run.</param>
    /// <param name="cancellation">Stops the simulations.</param>
    public static SpreadGreeks MonteCarlo(ResolvedSpreadOption option, IReadOnlyList<LogNormalJumps?>? jumps, int steps,
        MonteCarloSettings settings, SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(settings);
        var model = SpreadOptionPricer.Model(option, jumps).WithBrownianTracking();
        var grid = SpreadOptionPricer.Grid(option, steps);
        var plain = settings with { ControlVariate = false };
        var scenarios = new ScenarioBuilder(option, model.Loadings);
        GreekEstimate Run(params SpreadScenario[] combination)
        {
            var estimate = MonteCarloSimulator.Run(model, grid, new SpreadScenarioPayoff(option.Type, option.Strike, combination), plain, limits, cancellation)
                .Scale(option.DiscountFactor * option.LotSize);
            return new GreekEstimate(estimate.Value, estimate.StandardError, GreekMethod.CrnBump);
        }

        double h = PriceBump, up = 1 + h, down = 1 - h;
        double f1 = option.Leg1.Forward, f2 = option.Leg2.Forward;
        double s1 = option.Leg1.Volatility, s2 = option.Leg2.Volatility, dv = VolatilityBump;
        double low1 = Math.Max(s1 - dv, 0), low2 = Math.Max(s2 - dv, 0); // one-sided below a volatility under the bump
        double rho = option.Correlation, dr = Math.Min(CorrelationBump, (1 - Math.Abs(rho)) / 2);
        return new SpreadGreeks(
            Run(scenarios.Prices(1 / (2 * h * f1), up, 1), scenarios.Prices(-1 / (2 * h * f1), down, 1)),
            Run(scenarios.Prices(1 / (2 * h * f2), 1, up), scenarios.Prices(-1 / (2 * h * f2), 1, down)),
            Run(scenarios.Prices(1 / Square(h * f1), up, 1), scenarios.Prices(-2 / Square(h * f1), 1, 1), scenarios.Prices(1 / Square(h * f1), down, 1)),
            Run(scenarios.Prices(1 / Square(h * f2), 1, up), scenarios.Prices(-2 / Square(h * f2), 1, 1), scenarios.Prices(1 / Square(h * f2), 1, down)),
            Run(scenarios.Prices(1 / (4 * h * h * f1 * f2), up, up), scenarios.Prices(-1 / (4 * h * h * f1 * f2), up, down),
                scenarios.Prices(-1 / (4 * h * h * f1 * f2), down, up), scenarios.Prices(1 / (4 * h * h * f1 * f2), down, down)),
            Run(scenarios.Dynamics(1 / (s1 + dv - low1), s1 + dv, s2, rho), scenarios.Dynamics(-1 / (s1 + dv - low1), low1, s2, rho)),
            Run(scenarios.Dynamics(1 / (s2 + dv - low2), s1, s2 + dv, rho), scenarios.Dynamics(-1 / (s2 + dv - low2), s1, low2, rho)),
            Run(scenarios.Dynamics(1 / (2 * dr), s1, s2, rho + dr), scenarios.Dynamics(-1 / (2 * dr), s1, s2, rho - dr)));
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

    /// <summary>Builds <see cref="SpreadScenario"/>s for the two legs of an option.</summary>
    private sealed class ScenarioBuilder(ResolvedSpreadOption option, double[,] loadings)
    {
        /// <summary>Leg prices scaled by m₁, m₂ (the paths of bumped F₀).</summary>
        public SpreadScenario Prices(double coefficient, double m1, double m2) =>
            new(coefficient, [Math.Log(m1), Math.Log(m2)]);

        /// <summary>Volatilities σ'₁, σ'₂ and correlation ρ' on the same Brownian motions.</summary>
        public SpreadScenario Dynamics(double coefficient, double sigma1, double sigma2, double correlation)
        {
            double[] before = [option.Leg1.Volatility, option.Leg2.Volatility], after = [sigma1, sigma2];
            var bumped = CorrelationMatrix.CholeskyFactor(new[,] { { 1, correlation }, { correlation, 1 } }, 2);
            var shift = new double[2];
            var loadingShift = new double[2, 2];
            for (int i = 0; i < 2; i++)
            {
                shift[i] = -0.5 * (after[i] * after[i] - before[i] * before[i]) * option.Expiry;
                for (int j = 0; j < 2; j++) loadingShift[i, j] = after[i] * bumped[i, j] - before[i] * loadings[i, j];
            }
            return new SpreadScenario(coefficient, shift, loadingShift);
        }
    }
}

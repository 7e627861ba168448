using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// Spread options by Monte Carlo on correlated Black-76 or Merton legs (<see cref="CorrelatedFuturesModel"/>:
/// diffusions correlated by Cholesky, jumps independent per leg), each leg stepped exactly to expiry. With Greeks,
/// one simulation carries every revaluation scenario (<see cref="SpreadScenarioPayoff"/>): price bumps scale the
/// leg paths (exact for these models), vol and correlation bumps rebuild each leg from the same Brownian motions;
/// each Greek is a measure over the scenarios — a CRN difference with its own standard error. Central differences:
/// F·(1 ± 1%), σ ± 1 point (floored at 0), ρ ± min(0.01, (1 − |ρ|)/2); theta from two time-shifted simulations;
/// rho = −T·V exactly (futures held fixed, premium discounted from expiry).
/// </summary>
internal static class SpreadSimulation
{
    /// <summary>Relative bump of a futures price for delta, gamma and cross-gamma.</summary>
    public const double PriceBump = 0.01;

    /// <summary>Absolute bump of a volatility.</summary>
    public const double VolatilityBump = 0.01;

    /// <summary>Largest absolute bump of the correlation.</summary>
    public const double CorrelationBump = 0.01;

    /// <param name="option">The resolved option; expiry &gt; 0, |ρ| &lt; 1.</param>
    /// <param name="jumps">Jumps of leg 1 and leg 2 (either may be null).</param>
    /// <param name="inputs">Settings (control variate: the terminal spread), Greeks flag.</param>
    /// <param name="currency">Of the figures.</param>
    /// <param name="method">The valuation's method name.</param>
    public static SimulatedPlan Plan(ResolvedSpreadOption option, IReadOnlyList<LogNormalJumps?> jumps, PricingInputs inputs, string currency, string method)
    {
        if (option.Expiry <= 0) Guard.Fail("expiry", "the option expires today: its value is the discounted intrinsic value, no simulation needed");
        double scale = option.DiscountFactor * option.LotSize;
        int steps = StepsFor(option.Expiry, jumps);
        var model = Model(option, jumps);
        var figures = new Dictionary<Figure, FigureMeasure>();
        var parts = new List<SimulationPart>();
        if (!inputs.Greeks)
        {
            var group = new SimulationGroup(model, TimeGrid.Uniform(option.Expiry, steps), EuropeanPayoff.OnSpread(option.Type, option.Strike));
            parts.Add(new GroupPart(group));
            figures[Figure.Value] = new(MonteCarloSimulator.ValueMeasure(group, 0, inputs.MonteCarlo.ControlVariate).Scale(scale), GreekMethod.MonteCarlo);
            return new SimulatedPlan(parts, figures, currency, method);
        }

        var scenarios = new ScenarioSet(option, model.Loadings);
        int basis = scenarios.Prices(1, 1);
        var greeks = SpreadGreekStencils.Figures(option, (m1, m2) => new MeasureTerm(0, scenarios.Prices(m1, m2), scale),
            (s1, s2, rho) => new MeasureTerm(0, scenarios.Dynamics(s1, s2, rho), scale));

        var payoff = new SpreadScenarioPayoff(option.Type, option.Strike, scenarios.All);
        var tracked = new SimulationGroup(model.WithBrownianTracking(), TimeGrid.Uniform(option.Expiry, steps), payoff);
        parts.Add(new GroupPart(tracked));
        var value = inputs.MonteCarlo.ControlVariate
            ? new Measure([new MeasureTerm(0, basis, scale)], [new MeasureTerm(0, payoff.SpreadOutput, scale)], scale * tracked.KnownMean(payoff.SpreadOutput))
            : Measure.Of(0, basis, scale);
        figures[Figure.Value] = new(value, GreekMethod.MonteCarlo);
        foreach (var (figure, measure) in greeks) figures[figure] = measure;
        figures[Figure.Rho] = new(Measure.Of(0, basis, -option.Expiry * scale), GreekMethod.Pathwise);

        // Theta: the valuation date moved by ±one day (the legs' forwards, vols and correlation held), each a plain simulation on the same streams.
        var (_, _, _, theta, _) = RevaluationGreeks.Stencils(1, 0, option.Expiry / 2, RevaluationGreeks.Bumps.MonteCarlo);
        var thetaTerms = new List<MeasureTerm>();
        foreach (var (shift, weight) in theta.Points)
        {
            var shifted = option.Shifted(shift, shift);
            var group = new SimulationGroup(Model(shifted, jumps), TimeGrid.Uniform(shifted.Expiry, StepsFor(shifted.Expiry, jumps)),
                EuropeanPayoff.OnSpread(option.Type, option.Strike));
            parts.Add(new GroupPart(group));
            thetaTerms.Add(new MeasureTerm(parts.Count - 1, PayoffOutput.Value, weight * shifted.DiscountFactor * option.LotSize));
        }
        figures[Figure.Theta] = new(thetaTerms.Count > 0 ? new Measure(thetaTerms) : Measure.Of(0, basis, 0), GreekMethod.CrnBump);
        return new SimulatedPlan(parts, figures, currency, method);
    }

    /// <summary>Steps to expiry: one (each leg is stepped exactly) unless jumps need more (at most 50 expected per step).</summary>
    private static int StepsFor(double expiry, IReadOnlyList<LogNormalJumps?> jumps) => Math.Max(1,
        (int)Math.Ceiling(jumps.Max(j => j?.Intensity ?? 0) * expiry / LogNormalJumps.MaxJumpsPerStep));

    /// <summary>The two-leg model of <paramref name="option"/>: weights +w₁ and −w₂.</summary>
    internal static CorrelatedFuturesModel Model(ResolvedSpreadOption option, IReadOnlyList<LogNormalJumps?> jumps)
    {
        if (jumps.Count != 2) Guard.Fail("jumps", $"must give one entry (or null) per leg, 2 in all, got {jumps.Count}");
        var legs = new[]
        {
            new FuturesLeg(option.Leg1.Forward, option.Leg1.Volatility, option.Leg1.Weight, jumps[0]),
            new FuturesLeg(option.Leg2.Forward, option.Leg2.Volatility, -option.Leg2.Weight, jumps[1]),
        };
        return new CorrelatedFuturesModel(legs, new[,] { { 1, option.Correlation }, { option.Correlation, 1 } });
    }

    /// <summary>The scenarios of one option, each added once; their indices are the payoff's outputs.</summary>
    private sealed class ScenarioSet(ResolvedSpreadOption option, double[,] loadings)
    {
        private readonly List<SpreadScenario> _all = [];
        private readonly Dictionary<(double, double, double, double, double), int> _index = [];

        public IReadOnlyList<SpreadScenario> All => _all;

        /// <summary>Leg prices scaled by m₁, m₂ (the paths of bumped F₀).</summary>
        public int Prices(double m1, double m2) => Add((m1, m2, double.NaN, double.NaN, double.NaN), () => new SpreadScenario([Math.Log(m1), Math.Log(m2)]));

        /// <summary>Volatilities σ'₁, σ'₂ and correlation ρ' on the same Brownian motions.</summary>
        public int Dynamics(double sigma1, double sigma2, double correlation) => Add((double.NaN, double.NaN, sigma1, sigma2, correlation), () =>
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
            return new SpreadScenario(shift, loadingShift);
        });

        private int Add((double, double, double, double, double) key, Func<SpreadScenario> create)
        {
            if (_index.TryGetValue(key, out int i)) return i;
            _all.Add(create());
            return _index[key] = _all.Count - 1;
        }
    }
}

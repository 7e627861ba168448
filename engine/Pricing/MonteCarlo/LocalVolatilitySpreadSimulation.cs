using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// Spread options whose legs sit on smile surfaces: each such leg follows the Dupire local volatility of its surface (so
/// its marginal reprices the surface's Europeans), a leg without a smile stays Black-76, and the legs' Brownian motions
/// are correlated by ρ. The price scaling and Brownian rebuilding that <see cref="SpreadSimulation"/> uses for its Greeks
/// hold only for lognormal legs, so here every Greek is a central difference of whole revaluations on common random
/// numbers: F·(1 ± 1%) with the local-vol surface held (sticky local vol), the leg's local vol shifted by ± 1 point,
/// ρ ± min(0.01, (1 − |ρ|)/2), the valuation date moved by ± one day; rho = −T·V.
/// </summary>
internal static class LocalVolatilitySpreadSimulation
{
    /// <summary>Time steps per year of the local-vol grid (at least one step).</summary>
    public const int StepsPerYear = 100;

    /// <param name="option">The resolved option; its legs' vols are the surfaces' implied vols the bumps start from.</param>
    /// <param name="smiles">The smile of leg 1 and of leg 2 (null for a Black-76 leg).</param>
    /// <param name="inputs">Settings (control variate: the terminal spread, a martingale), Greeks flag.</param>
    /// <param name="currency">Of the figures.</param>
    /// <param name="method">The valuation's method name.</param>
    public static SimulatedPlan Plan(ResolvedSpreadOption option, IReadOnlyList<SmileSurface?> smiles, PricingInputs inputs, string currency, string method)
    {
        if (option.Expiry <= 0) Guard.Fail("expiry", "the option expires today: its value is the discounted intrinsic value, no simulation needed");
        if (smiles.Count != 2) Guard.Fail("smiles", $"must give one entry (or null) per leg, 2 in all, got {smiles.Count}");
        var revaluations = new Revaluations(option, smiles);
        var basis = revaluations.Of(Scenario.Base);
        var figures = new Dictionary<Figure, FigureMeasure>();
        var value = inputs.MonteCarlo.ControlVariate
            ? MonteCarloSimulator.ValueMeasure(revaluations.Group(basis.Part), basis.Part, true).Scale(basis.Weight)
            : Measure.Of(basis.Part, 0, basis.Weight);
        figures[Figure.Value] = new(value, GreekMethod.MonteCarlo);
        if (!inputs.Greeks) return new SimulatedPlan(revaluations.Parts, figures, currency, method);

        double h = SpreadSimulation.PriceBump, dv = SpreadSimulation.VolatilityBump, f1 = option.Leg1.Forward, f2 = option.Leg2.Forward;
        double rho = option.Correlation, dr = Math.Min(SpreadSimulation.CorrelationBump, (1 - Math.Abs(rho)) / 2);
        Scenario Leg1(double m) => new(m, 1, 0, 0, 0, 0);
        Scenario Leg2(double m) => new(1, m, 0, 0, 0, 0);
        var delta1 = new[] { (Leg1(1 + h), 1 / (2 * h * f1)), (Leg1(1 - h), -1 / (2 * h * f1)) };
        var delta2 = new[] { (Leg2(1 + h), 1 / (2 * h * f2)), (Leg2(1 - h), -1 / (2 * h * f2)) };
        var gamma1 = new[] { (Leg1(1 + h), 1 / Square(h * f1)), (Scenario.Base, -2 / Square(h * f1)), (Leg1(1 - h), 1 / Square(h * f1)) };
        var gamma2 = new[] { (Leg2(1 + h), 1 / Square(h * f2)), (Scenario.Base, -2 / Square(h * f2)), (Leg2(1 - h), 1 / Square(h * f2)) };
        double c = 1 / (4 * h * h * f1 * f2);
        var cross = new[]
        {
            (new Scenario(1 + h, 1 + h, 0, 0, 0, 0), c), (new Scenario(1 + h, 1 - h, 0, 0, 0, 0), -c),
            (new Scenario(1 - h, 1 + h, 0, 0, 0, 0), -c), (new Scenario(1 - h, 1 - h, 0, 0, 0, 0), c),
        };
        var vega1 = new[] { (new Scenario(1, 1, dv, 0, 0, 0), 1 / (2 * dv)), (new Scenario(1, 1, -dv, 0, 0, 0), -1 / (2 * dv)) };
        var vega2 = new[] { (new Scenario(1, 1, 0, dv, 0, 0), 1 / (2 * dv)), (new Scenario(1, 1, 0, -dv, 0, 0), -1 / (2 * dv)) };
        var correlation = new[] { (new Scenario(1, 1, 0, 0, dr, 0), 1 / (2 * dr)), (new Scenario(1, 1, 0, 0, -dr, 0), -1 / (2 * dr)) };
        var (_, _, _, theta, _) = RevaluationGreeks.Stencils(1, 0, option.Expiry / 2, RevaluationGreeks.Bumps.MonteCarlo);
        var thetaTerms = theta.Points.Select(p => (new Scenario(1, 1, 0, 0, 0, p.Shift.TimeShift), p.Weight)).ToArray();

        Measure Combination(IEnumerable<(Scenario Scenario, double Weight)> terms) =>
            new([.. terms.Select(t => (Run: revaluations.Of(t.Scenario), t.Weight)).GroupBy(t => t.Run.Part)
                .Select(g => new MeasureTerm(g.Key, 0, g.Sum(t => t.Weight * t.Run.Weight)))]);
        figures[Figure.Delta1] = new(Combination(delta1), GreekMethod.CrnBump);
        figures[Figure.Delta2] = new(Combination(delta2), GreekMethod.CrnBump);
        figures[Figure.Gamma1] = new(Combination(gamma1), GreekMethod.CrnBump);
        figures[Figure.Gamma2] = new(Combination(gamma2), GreekMethod.CrnBump);
        figures[Figure.CrossGamma] = new(Combination(cross), GreekMethod.CrnBump);
        figures[Figure.Vega1] = new(Combination(vega1), GreekMethod.CrnBump);
        figures[Figure.Vega2] = new(Combination(vega2), GreekMethod.CrnBump);
        figures[Figure.CorrelationSensitivity] = new(Combination(correlation), GreekMethod.CrnBump);
        figures[Figure.Delta] = new(Combination([.. delta1, .. delta2]), GreekMethod.CrnBump);
        figures[Figure.Gamma] = new(Combination([.. gamma1, .. cross.Select(t => (t.Item1, 2 * t.Item2)), .. gamma2]), GreekMethod.CrnBump);
        figures[Figure.Vega] = new(Combination([.. vega1, .. vega2]), GreekMethod.CrnBump);
        figures[Figure.Theta] = new(thetaTerms.Length > 0 ? Combination(thetaTerms) : Measure.Of(basis.Part, 0, 0), GreekMethod.CrnBump);
        figures[Figure.Rho] = new(Measure.Of(basis.Part, 0, -option.Expiry * basis.Weight), GreekMethod.Pathwise);
        return new SimulatedPlan(revaluations.Parts, figures, currency, method);
    }

    private static double Square(double x) => x * x;

    /// <summary>
    /// A revaluation: leg prices scaled by m₁, m₂, vols (local or Black) shifted by d₁, d₂, correlation shifted by dρ,
    /// valuation date moved by dt years.
    /// </summary>
    private readonly record struct Scenario(double M1, double M2, double D1, double D2, double DRho, double Dt)
    {
        public static Scenario Base => new(1, 1, 0, 0, 0, 0);
    }

    /// <summary>One simulation per distinct scenario, all on the same random streams.</summary>
    private sealed class Revaluations(ResolvedSpreadOption option, IReadOnlyList<SmileSurface?> smiles)
    {
        private readonly List<SimulationPart> _parts = [];
        private readonly Dictionary<Scenario, (int Part, double Weight)> _index = [];

        public IReadOnlyList<SimulationPart> Parts => _parts;

        public SimulationGroup Group(int part) => ((GroupPart)_parts[part]).Group;

        /// <summary>The group of <paramref name="scenario"/> and the weight of its output 0 (its discount factor times the lot).</summary>
        public (int Part, double Weight) Of(Scenario scenario)
        {
            if (_index.TryGetValue(scenario, out var known)) return known;
            var shift1 = new MarketShift(scenario.M1, scenario.D1, scenario.Dt, 0);
            var shifted = option.Shifted(shift1, new MarketShift(scenario.M2, scenario.D2, scenario.Dt, 0));
            double rho = option.Correlation + scenario.DRho;
            var legs = new[]
            {
                Leg(shifted.Leg1.Forward, shifted.Leg1.Volatility, shifted.Leg1.Weight, smiles[0], scenario.D1),
                Leg(shifted.Leg2.Forward, shifted.Leg2.Volatility, -shifted.Leg2.Weight, smiles[1], scenario.D2),
            };
            var model = new CorrelatedFuturesModel(legs, new[,] { { 1, rho }, { rho, 1 } });
            int steps = Math.Max(1, (int)Math.Ceiling(shifted.Expiry * StepsPerYear));
            _parts.Add(new GroupPart(new SimulationGroup(model, TimeGrid.Uniform(shifted.Expiry, steps), EuropeanPayoff.OnSpread(option.Type, option.Strike))));
            return _index[scenario] = (_parts.Count - 1, shifted.DiscountFactor * option.LotSize);
        }

        private static FuturesLeg Leg(double forward, double volatility, double weight, SmileSurface? smile, double shift) =>
            smile is null ? new FuturesLeg(forward, volatility, weight) : new FuturesLeg(forward, volatility, weight, null, smile, shift);
    }
}

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
/// hold only for lognormal legs, so here each revaluation of <see cref="SpreadGreekStencils"/> is a whole simulation on
/// common random numbers: F·(1 ± 1%) with the local-vol surface held (sticky local vol), the leg's local vol shifted by the
/// vol bump, ρ bumped; theta moves the valuation date by ± one day; rho = −T·V.
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
            ? MonteCarloSimulator.ValueMeasure(revaluations.Group(basis.Group), basis.Group, true).Scale(basis.Weight)
            : new Measure([basis]);
        figures[Figure.Value] = new(value, GreekMethod.MonteCarlo);
        if (!inputs.Greeks) return new SimulatedPlan(revaluations.Parts, figures, currency, method);

        // Vol bumps as shifts of each leg's vol (a smile leg's local vol) from the resolved implied vol.
        double s1 = option.Leg1.Volatility, s2 = option.Leg2.Volatility, rho = option.Correlation;
        foreach (var (figure, measure) in SpreadGreekStencils.Figures(option, (m1, m2) => revaluations.Of(new(m1, m2, 0, 0, 0, 0)),
                     (v1, v2, r) => revaluations.Of(new(1, 1, v1 - s1, v2 - s2, r - rho, 0))))
            figures[figure] = measure;
        var (_, _, _, theta, _) = RevaluationGreeks.Stencils(1, 0, option.Expiry / 2, RevaluationGreeks.Bumps.MonteCarlo);
        var thetaTerms = theta.Points.Select(p =>
        {
            var term = revaluations.Of(new(1, 1, 0, 0, 0, p.Shift.TimeShift));
            return term with { Weight = term.Weight * p.Weight };
        }).ToArray();
        figures[Figure.Theta] = new(thetaTerms.Length > 0 ? new Measure(thetaTerms) : Measure.Of(basis.Group, 0, 0), GreekMethod.CrnBump);
        figures[Figure.Rho] = new(Measure.Of(basis.Group, 0, -option.Expiry * basis.Weight), GreekMethod.Pathwise);
        return new SimulatedPlan(revaluations.Parts, figures, currency, method);
    }

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
        private readonly Dictionary<Scenario, MeasureTerm> _index = [];

        public IReadOnlyList<SimulationPart> Parts => _parts;

        public SimulationGroup Group(int part) => ((GroupPart)_parts[part]).Group;

        /// <summary>The value term of <paramref name="scenario"/>: its group's output 0, weighted by its discount factor times the lot.</summary>
        public MeasureTerm Of(Scenario scenario)
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
            return _index[scenario] = new MeasureTerm(_parts.Count - 1, 0, shifted.DiscountFactor * option.LotSize);
        }

        private static FuturesLeg Leg(double forward, double volatility, double weight, SmileSurface? smile, double shift) =>
            smile is null ? new FuturesLeg(forward, volatility, weight) : new FuturesLeg(forward, volatility, weight, null, smile, shift);
    }
}

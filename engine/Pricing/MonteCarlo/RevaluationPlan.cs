using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing.MonteCarlo;

/// <summary>
/// One simulated revaluation of a product under a market shift: a group whose output 0, times
/// <see cref="Weight"/> (the shifted discount factor times the lot), is the value per lot, and output 1 its control.
/// Revaluations with equal <see cref="Key"/> are the same simulation (e.g. a rate shift that only moves the discount
/// factor) and share one group.
/// </summary>
internal readonly record struct ShiftedRun(object Key, Func<SimulationGroup> Group, double Weight);

/// <summary>
/// Builds a Monte Carlo valuation whose Greeks are central differences (<see cref="RevaluationGreeks.Stencils"/>)
/// of shifted revaluations on common random numbers: every revaluation is a group of the same job, every Greek a
/// measure weighting their outputs, so each difference comes with the standard error of the difference itself.
/// </summary>
internal sealed class RevaluationPlan
{
    private readonly Func<MarketShift, ShiftedRun> _run;
    private readonly List<SimulationPart> _parts = [];
    private readonly Dictionary<object, int> _partOfKey = [];

    public RevaluationPlan(Func<MarketShift, ShiftedRun> run) => _run = run;

    /// <summary>The terms of V(shift) per lot, adding its group when new.</summary>
    public MeasureTerm Value(MarketShift shift)
    {
        var run = _run(shift);
        if (!_partOfKey.TryGetValue(run.Key, out int part))
        {
            part = _parts.Count;
            _parts.Add(new GroupPart(run.Group()));
            _partOfKey[run.Key] = part;
        }
        return new MeasureTerm(part, 0, run.Weight);
    }

    /// <summary>The value measure, adjusted by the group's control variate when <paramref name="controlVariate"/> is set.</summary>
    public Measure ValueMeasure(bool controlVariate)
    {
        var term = Value(MarketShift.None);
        var group = ((GroupPart)_parts[term.Group]).Group;
        return MonteCarloSimulator.ValueMeasure(group, term.Group, controlVariate).Scale(term.Weight);
    }

    /// <summary>Σ weight·V(shift) over a stencil, terms of one group merged.</summary>
    public Measure Combination(RevaluationGreeks.Stencil stencil)
    {
        var terms = stencil.Points.Select(p => { var t = Value(p.Shift); return t with { Weight = t.Weight * p.Weight }; })
            .GroupBy(t => t.Group).Select(g => new MeasureTerm(g.Key, 0, g.Sum(t => t.Weight))).ToArray();
        return terms.Length > 0 ? new Measure(terms) : new Measure([new MeasureTerm(Value(MarketShift.None).Group, 0, 0)]);
    }

    /// <summary>
    /// The plan: value (with its control variate when the settings ask for one) and, when <see cref="PricingInputs.Greeks"/>
    /// is set, delta, gamma, vega, theta and rho as CRN differences.
    /// </summary>
    public SimulatedPlan Build(PricingInputs inputs, double forward, double volatility, double maxTimeShift, RevaluationGreeks.Bumps bumps,
        string currency, string method, IReadOnlyDictionary<Figure, FigureMeasure>? extra = null)
    {
        var figures = new Dictionary<Figure, FigureMeasure> { [Figure.Value] = new(ValueMeasure(inputs.MonteCarlo.ControlVariate), GreekMethod.MonteCarlo) };
        if (inputs.Greeks)
        {
            var (delta, gamma, vega, theta, rho) = RevaluationGreeks.Stencils(forward, volatility, maxTimeShift, bumps);
            figures[Figure.Delta] = new(Combination(delta), GreekMethod.CrnBump);
            figures[Figure.Gamma] = new(Combination(gamma), GreekMethod.CrnBump);
            figures[Figure.Vega] = new(Combination(vega), GreekMethod.CrnBump);
            figures[Figure.Theta] = new(Combination(theta), GreekMethod.CrnBump);
            figures[Figure.Rho] = new(Combination(rho), GreekMethod.CrnBump);
        }
        foreach (var (figure, measure) in extra ?? new Dictionary<Figure, FigureMeasure>()) figures[figure] = measure;
        return new SimulatedPlan([.. _parts], figures, currency, method);
    }

    /// <summary>A further group of the plan (e.g. the limit-free twin of a price-limited simulation); returns its part index.</summary>
    public int Add(SimulationGroup group)
    {
        _parts.Add(new GroupPart(group));
        return _parts.Count - 1;
    }
}

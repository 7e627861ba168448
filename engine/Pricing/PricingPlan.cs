using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// A valuation per lot as a pricer hands it over: known already (a closed form), or the parts and measures of a
/// simulation still to run (<see cref="SimulatedPlan"/>). A single trade runs its plan alone; a book puts the plans
/// of all its positions into one job (<see cref="JobBuilder"/>).
/// </summary>
public abstract class PricingPlan
{
    private protected PricingPlan() { }
}

/// <summary>A valuation already computed.</summary>
public sealed class ClosedFormPlan(Valuation valuation) : PricingPlan
{
    public Valuation Valuation { get; } = valuation;
}

/// <summary>One figure of a simulated valuation: a measure over the plan's own parts (indices local to the plan) and its method.</summary>
public readonly record struct FigureMeasure(Measure Measure, GreekMethod Method);

/// <summary>
/// A Monte Carlo valuation per lot still to be simulated: the parts it needs, and a measure for each of its figures
/// (value, Greeks, the limit-free value, per-leg spread Greeks, CRN cross-checks). <see cref="Read(Func{Figure, MonteCarloEstimate}, long)"/> turns the
/// estimates into the valuation.
/// </summary>
public sealed class SimulatedPlan : PricingPlan
{
    public SimulatedPlan(IReadOnlyList<SimulationPart> parts, IReadOnlyDictionary<Figure, FigureMeasure> figures, string currency, string method)
    {
        Parts = parts;
        Figures = figures;
        Currency = currency;
        Method = method;
    }

    public IReadOnlyList<SimulationPart> Parts { get; }

    public IReadOnlyDictionary<Figure, FigureMeasure> Figures { get; }

    public string Currency { get; }

    public string Method { get; }

    /// <summary>The stream tag of the plan's groups (<see cref="StreamTags.ForUnderlying"/> of its underlying).</summary>
    public ulong Streams { get; init; }

    /// <summary>Runs the plan on its own and reads the valuation.</summary>
    public Valuation Run(MonteCarloSettings settings, SimulationLimits limits, CancellationToken cancellation)
    {
        var (job, measures) = Build(settings, limits);
        return Read(job.Run(cancellation: cancellation), measures);
    }

    /// <summary>The plan as a job of its own (checked against <paramref name="limits"/>), and each figure's measure index in it.</summary>
    public (SimulationJob Job, IReadOnlyDictionary<Figure, int> Measures) Build(MonteCarloSettings settings, SimulationLimits limits)
    {
        var builder = new JobBuilder();
        var measures = AddTo(builder, 1);
        return (builder.Build(settings, limits), measures);
    }

    /// <summary>The valuation from the result of the job <see cref="Build"/> made, wherever its blocks ran.</summary>
    public Valuation Read(SimulationResult result, IReadOnlyDictionary<Figure, int> measures) =>
        Read(f => result[measures[f]], result.Paths) with { Backend = result.Backend };

    /// <summary>Adds the parts and every figure's measure, scaled by <paramref name="scale"/>; returns each figure's measure index.</summary>
    public IReadOnlyDictionary<Figure, int> AddTo(JobBuilder builder, double scale)
    {
        var ids = AddParts(builder);
        return Figures.ToDictionary(f => f.Key, f => builder.AddMeasure(Translate(f.Value.Measure, ids).Scale(scale)));
    }

    /// <summary>Adds the parts on the plan's streams; returns their ids in the builder, in part order.</summary>
    public int[] AddParts(JobBuilder builder) => [.. Parts.Select(p => builder.Add(p, Streams))];

    /// <summary>A measure over the plan's parts as a measure over the job's part ids <paramref name="partIds"/>.</summary>
    public static Measure Translate(Measure measure, IReadOnlyList<int> partIds) => measure.Renumber(t => t with { Group = partIds[t.Group] });

    /// <summary>The valuation from each figure's estimate.</summary>
    public Valuation Read(Func<Figure, MonteCarloEstimate> estimate, long paths)
    {
        GreekEstimate E(Figure f) => new(estimate(f).Value, estimate(f).StandardError, Figures[f].Method);
        bool Has(Figure f) => Figures.ContainsKey(f);
        var value = estimate(Figure.Value);
        return new Valuation(value.Value, value.StandardError, Currency, Method, paths,
            Has(Figure.Delta) ? new ValuationGreeks(E(Figure.Delta), E(Figure.Gamma), E(Figure.Vega), E(Figure.Theta), E(Figure.Rho)) : null,
            Has(Figure.WithoutLimits) ? new ValueWithStandardError(estimate(Figure.WithoutLimits).Value, estimate(Figure.WithoutLimits).StandardError) : null,
            Has(Figure.Delta1) ? new SpreadGreeks(E(Figure.Delta1), E(Figure.Delta2), E(Figure.Gamma1), E(Figure.Gamma2), E(Figure.CrossGamma),
                E(Figure.Vega1), E(Figure.Vega2), E(Figure.CorrelationSensitivity)) : null,
            Has(Figure.CrnDelta) ? new BumpGreeks(E(Figure.CrnDelta), E(Figure.CrnGamma), E(Figure.CrnVega), E(Figure.CrnTheta)) : null);
    }
}

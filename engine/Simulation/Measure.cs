namespace CarbonDerivatives.Engine.Simulation;

/// <summary>Output <see cref="Output"/> of group <see cref="Group"/>, times <see cref="Weight"/>.</summary>
public readonly record struct MeasureTerm(int Group, int Output, double Weight = 1);

/// <summary>
/// A figure read off a job's paths: per path Y = Σ weight·output over <see cref="Terms"/> (a price, a pathwise
/// Greek, a finite difference of bumped groups, a book's total), estimated by its sample mean with its standard
/// error. With <see cref="ControlTerms"/> the estimate is adjusted by the control variate X = Σ weight·output,
/// whose mean <see cref="ControlMean"/> is known, with the regression coefficient taken from the same paths.
/// A measure may also add in the per-path Y of earlier measures of the job (<see cref="Components"/>): a book's
/// underlying total is the sum of its tenors' totals, read without going over every position's outputs again.
/// </summary>
public sealed record Measure
{
    public Measure(IReadOnlyList<MeasureTerm> terms, IReadOnlyList<MeasureTerm>? controlTerms = null, double controlMean = double.NaN)
        : this(terms, [], controlTerms, controlMean)
    {
    }

    private Measure(IReadOnlyList<MeasureTerm> terms, IReadOnlyList<int> components, IReadOnlyList<MeasureTerm>? controlTerms, double controlMean)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(components);
        if (terms.Count == 0 && components.Count == 0) throw new ArgumentException("a measure needs at least one term or component", nameof(terms));
        Terms = terms;
        Components = components;
        ControlTerms = controlTerms ?? [];
        if (ControlTerms.Count > 0 && double.IsNaN(controlMean))
            throw new ArgumentException("a control variate needs its known mean", nameof(controlMean));
        ControlMean = controlMean;
    }

    /// <summary>One output of one group.</summary>
    public static Measure Of(int group, int output, double weight = 1) => new([new MeasureTerm(group, output, weight)]);

    /// <summary>Y = Σ <paramref name="terms"/> + Σ the Y of the measures numbered <paramref name="components"/> (earlier in the job, no controls).</summary>
    public static Measure Sum(IReadOnlyList<MeasureTerm> terms, IReadOnlyList<int> components) => new(terms, components, null, double.NaN);

    public IReadOnlyList<MeasureTerm> Terms { get; }

    /// <summary>Earlier measures of the job whose per-path Y this one adds in (weight 1).</summary>
    public IReadOnlyList<int> Components { get; }

    public IReadOnlyList<MeasureTerm> ControlTerms { get; }

    /// <summary>E[X] of the control variate; NaN without one.</summary>
    public double ControlMean { get; }

    /// <summary>True when the measure is adjusted by a control variate.</summary>
    public bool HasControl => ControlTerms.Count > 0;

    /// <summary>The same figure scaled by <paramref name="factor"/> (a quantity, an FX rate, a discount factor); not for sums of measures.</summary>
    public Measure Scale(double factor)
    {
        if (Components.Count > 0) throw new InvalidOperationException("a sum of measures cannot be scaled: scale its components");
        return new([.. Terms.Select(t => t with { Weight = t.Weight * factor })],
            ControlTerms.Count == 0 ? null : [.. ControlTerms.Select(t => t with { Weight = t.Weight * factor })],
            ControlMean * factor);
    }

    /// <summary>The same measure with each term's group renumbered by <paramref name="group"/> (components kept).</summary>
    public Measure Renumber(Func<MeasureTerm, MeasureTerm> group) =>
        new([.. Terms.Select(group)], Components, HasControl ? [.. ControlTerms.Select(group)] : null, ControlMean);
}

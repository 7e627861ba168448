namespace CarbonDerivatives.Engine.Simulation;

/// <summary>Output <see cref="Output"/> of group <see cref="Group"/>, times <see cref="Weight"/>.</summary>
public readonly record struct MeasureTerm(int Group, int Output, double Weight = 1);

/// <summary>
/// A figure read off a job's paths: per path Y = Σ weight·output over <see cref="Terms"/> (a price, a pathwise
/// Greek, a finite difference of bumped groups, a book's total), estimated by its sample mean with its standard
/// error. With <see cref="ControlTerms"/> the estimate is adjusted by the control variate X = Σ weight·output,
/// whose mean <see cref="ControlMean"/> is known, with the regression coefficient taken from the same paths.
/// </summary>
public sealed record Measure
{
    public Measure(IReadOnlyList<MeasureTerm> terms, IReadOnlyList<MeasureTerm>? controlTerms = null, double controlMean = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0) throw new ArgumentException("a measure needs at least one term", nameof(terms));
        Terms = terms;
        ControlTerms = controlTerms ?? [];
        if (ControlTerms.Count > 0 && double.IsNaN(controlMean))
            throw new ArgumentException("a control variate needs its known mean", nameof(controlMean));
        ControlMean = controlMean;
    }

    /// <summary>One output of one group.</summary>
    public static Measure Of(int group, int output, double weight = 1) => new([new MeasureTerm(group, output, weight)]);

    public IReadOnlyList<MeasureTerm> Terms { get; }

    public IReadOnlyList<MeasureTerm> ControlTerms { get; }

    /// <summary>E[X] of the control variate; NaN without one.</summary>
    public double ControlMean { get; }

    /// <summary>True when the measure is adjusted by a control variate.</summary>
    public bool HasControl => ControlTerms.Count > 0;

    /// <summary>The same figure scaled by <paramref name="factor"/> (a quantity, an FX rate, a discount factor).</summary>
    public Measure Scale(double factor) => new(
        [.. Terms.Select(t => t with { Weight = t.Weight * factor })],
        ControlTerms.Count == 0 ? null : [.. ControlTerms.Select(t => t with { Weight = t.Weight * factor })],
        ControlMean * factor);
}

using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// Exercise terms resolved to numbers: the style and, for a Bermudan option, its exercise times in
/// years from the valuation date (expiry is always an exercise time and need not be listed).
/// </summary>
public sealed record ResolvedExercise
{
    private ResolvedExercise(ExerciseStyle style, double[] times)
    {
        Style = style;
        Times = times;
    }

    /// <summary>Exercise at expiry only.</summary>
    public static ResolvedExercise European { get; } = new(ExerciseStyle.European, []);

    /// <summary>Exercise at any time up to expiry (a Monte Carlo pricer discretises it on its time steps).</summary>
    public static ResolvedExercise American { get; } = new(ExerciseStyle.American, []);

    /// <summary>Exercise at <paramref name="times"/> (years, strictly increasing, &gt; 0) and at expiry.</summary>
    /// <param name="times">Exercise times in years.</param>
    /// <param name="field">Name of the times in error messages.</param>
    /// <exception cref="InvalidInputException">"times[i]" (or <paramref name="field"/>[i]) when a time is
    /// not positive or not after the previous one.</exception>
    public static ResolvedExercise Bermudan(IReadOnlyList<double> times, string field = "times")
    {
        ArgumentNullException.ThrowIfNull(times);
        var copy = new double[times.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = Guard.Positive(times[i], $"{field}[{i}]");
            if (i > 0 && copy[i] <= copy[i - 1]) Guard.Fail($"{field}[{i}]", $"must be after the previous exercise time {copy[i - 1]}, got {copy[i]}");
        }
        return new ResolvedExercise(ExerciseStyle.Bermudan, copy);
    }

    /// <summary>European, American or Bermudan.</summary>
    public ExerciseStyle Style { get; }

    /// <summary>Bermudan exercise times in years (ascending); empty for the other styles.</summary>
    public IReadOnlyList<double> Times { get; }
}

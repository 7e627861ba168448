namespace CarbonDerivatives.Engine.Validation;

/// <summary>
/// Thrown when a simulation request asks for more work than the configured budget allows: more paths, steps
/// or path-steps (paths × steps) than the limit of that same kind. It is refused before any memory is allocated.
/// The message compares like with like: "monteCarlo.paths: requested 9,000,000,000,000 paths, over the budget of
/// 50,000,000 paths".
/// </summary>
public sealed class BudgetExceededException : InvalidOperationException
{
    /// <param name="field">The input to reduce, e.g. "monteCarlo.paths".</param>
    /// <param name="requested">What was asked for, in <paramref name="unit"/>.</param>
    /// <param name="limit">The budget, in the same <paramref name="unit"/>.</param>
    /// <param name="unit">What both figures count: "paths", "steps", "path-steps", "scenarios".</param>
    /// <param name="detail">How the request adds up, e.g. "200,000 paths × 10 steps"; null when it is one figure.</param>
    public BudgetExceededException(string field, long requested, long limit, string unit, string? detail = null)
        : base($"{field}: {Describe(requested, limit, unit, detail)}")
    {
        Field = field;
        Requested = requested;
        Limit = limit;
        Unit = unit;
        Detail = detail;
    }

    /// <summary>The input to reduce.</summary>
    public string Field { get; }

    /// <summary>What was asked for, in <see cref="Unit"/>.</summary>
    public long Requested { get; }

    /// <summary>The budget, in <see cref="Unit"/>.</summary>
    public long Limit { get; }

    /// <summary>What <see cref="Requested"/> and <see cref="Limit"/> count.</summary>
    public string Unit { get; }

    /// <summary>How the request adds up, or null.</summary>
    public string? Detail { get; }

    /// <summary>The message without the field: what was requested against which budget.</summary>
    public string Reason => Describe(Requested, Limit, Unit, Detail);

    /// <summary>The same overrun reported against another field name (e.g. the request path of the engine's field).</summary>
    public BudgetExceededException WithField(string field) => new(field, Requested, Limit, Unit, Detail);

    private static string Describe(long requested, long limit, string unit, string? detail) =>
        $"requested {requested:N0} {unit}{(detail is null ? "" : $" ({detail})")}, over the budget of {limit:N0} {unit}";
}

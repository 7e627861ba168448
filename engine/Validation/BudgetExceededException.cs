namespace CarbonDerivatives.Engine.Validation;

/// <summary>
/// Thrown when a simulation request asks for more work (paths x steps) than the configured budget
/// allows. It is refused before any memory is allocated.
/// </summary>
public sealed class BudgetExceededException : InvalidOperationException
{
    public BudgetExceededException(string field, long requested, long limit)
        : base($"{field}: requested {requested:N0} path-steps exceeds the budget of {limit:N0}")
    {
        Field = field;
        Requested = requested;
        Limit = limit;
    }

    public string Field { get; }
    public long Requested { get; }
    public long Limit { get; }
}

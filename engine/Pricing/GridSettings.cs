using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>
/// How finely a simulation walks time, by product. Every model here is stepped exactly, so only what a payoff
/// monitors needs steps: a European option needs none beyond its expiry (and one day before it, for theta).
/// </summary>
public sealed record GridSettings
{
    /// <summary>Asian options: steps per fixing interval (1: the fixing dates are the grid).</summary>
    public int StepsPerFixing { get; init; } = 1;

    /// <summary>Continuously monitored barriers: steps of the Brownian-bridge grid to expiry; null: one per business day, ⌈252·T⌉.</summary>
    public int? BarrierSteps { get; init; }

    /// <summary>American options by Longstaff–Schwartz: exercise opportunities to expiry.</summary>
    public int ExerciseSteps { get; init; } = DefaultExerciseSteps;

    /// <summary>Exercise opportunities when none are asked for.</summary>
    public const int DefaultExerciseSteps = 50;

    /// <summary>Checks the settings against the server's step limit.</summary>
    /// <exception cref="InvalidInputException">"grid.stepsPerFixing", "grid.barrierSteps" or "grid.exerciseSteps" below 1.</exception>
    /// <exception cref="BudgetExceededException">The same fields above <paramref name="maxSteps"/>.</exception>
    public void Validate(int maxSteps)
    {
        Steps(StepsPerFixing, maxSteps, "grid.stepsPerFixing");
        if (BarrierSteps is { } steps) Steps(steps, maxSteps, "grid.barrierSteps");
        Steps(ExerciseSteps, maxSteps, "grid.exerciseSteps");
    }

    /// <summary>At least one step (else invalid input); more than the server allows is over its budget, as for paths.</summary>
    private static void Steps(int steps, int maxSteps, string field)
    {
        if (steps < 1) Guard.Fail(field, $"must be at least 1, got {steps}");
        if (steps > maxSteps) throw new BudgetExceededException(field, steps, maxSteps, "steps");
    }
}

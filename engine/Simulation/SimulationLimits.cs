namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Server-side bounds on one simulation. Requests beyond them are refused before any work or memory
/// is committed (<see cref="Validation.BudgetExceededException"/>).
/// </summary>
public sealed record SimulationLimits
{
    /// <summary>Default limits: 2·10^9 path-steps (a few seconds on two cores), 10^8 paths, 10^5 steps.</summary>
    public static SimulationLimits Default { get; } = new();

    /// <summary>Most paths × steps per simulation.</summary>
    public long MaxPathSteps { get; init; } = 2_000_000_000;

    /// <summary>Most paths per simulation.</summary>
    public long MaxPaths { get; init; } = 100_000_000;

    /// <summary>Most time steps per path.</summary>
    public int MaxSteps { get; init; } = 100_000;
}

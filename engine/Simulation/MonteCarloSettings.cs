using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// How to run one Monte Carlo valuation. The seed is always explicit: the same settings give the
/// same bits whatever the number of threads.
/// </summary>
public sealed record MonteCarloSettings
{
    /// <summary>Number of paths (with antithetic variates: paths including the mirrored ones; even).</summary>
    public long Paths { get; init; } = 100_000;

    /// <summary>Seed of all random streams. Zero is an ordinary seed, not "from the clock".</summary>
    public ulong Seed { get; init; } = 20_260_101;

    /// <summary>Pair each path with its mirror image (−z, 1 − u).</summary>
    public bool Antithetic { get; init; }

    /// <summary>Adjust by the payoff's control variate with the regression coefficient estimated from the same paths.</summary>
    public bool ControlVariate { get; init; }

    /// <summary>Pseudo-random or Sobol' with Brownian bridge.</summary>
    public RandomKind Random { get; init; } = RandomKind.Pseudo;

    /// <summary>Independent digital shifts for <see cref="RandomKind.SobolBrownianBridge"/>; the SE comes from their spread.</summary>
    public int QuasiRandomReplicates { get; init; } = 16;

    /// <summary>Worker threads; null uses every core. Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Where the paths are computed; null is the CPU. Never changes which paths are drawn (same seed, same paths).</summary>
    public Backends.ISimulationBackend? Backend { get; init; }

    /// <summary>The arithmetic of the paths (<see cref="SimulationPrecision"/>); payoffs are summed in double either way.</summary>
    public SimulationPrecision Precision { get; init; } = SimulationPrecision.Double;

    /// <summary>Run on the CPU a job <see cref="Backend"/> cannot run (the "auto" choice), instead of refusing it ("monteCarlo.backend").</summary>
    public bool FallBackToCpu { get; init; }

    /// <summary>Checks the settings against <paramref name="limits"/> for a grid of <paramref name="steps"/> steps.</summary>
    public void Validate(int steps, SimulationLimits limits) => Validate(steps, steps, limits);

    /// <summary>
    /// Checks the settings against <paramref name="limits"/> for a job whose longest grid has <paramref name="maxSteps"/>
    /// steps and whose grids have <paramref name="totalSteps"/> steps in all (each path walks every grid).
    /// </summary>
    public void Validate(int maxSteps, long totalSteps, SimulationLimits limits)
    {
        if (Paths <= 0) Guard.Fail("monteCarlo.paths", $"must be at least 1, got {Paths}");
        if (Paths > limits.MaxPaths) throw new BudgetExceededException("monteCarlo.paths", Paths, limits.MaxPaths, "paths");
        if (maxSteps > limits.MaxSteps) throw new BudgetExceededException("monteCarlo.steps", maxSteps, limits.MaxSteps, "steps");
        if (Paths > limits.MaxPathSteps / totalSteps)
            throw new BudgetExceededException("monteCarlo.paths", Paths * totalSteps, limits.MaxPathSteps, "path-steps",
                $"{Paths:N0} paths × {totalSteps:N0} steps");
        if (Antithetic && Paths % 2 != 0) Guard.Fail("monteCarlo.paths", $"must be even with antithetic variates, got {Paths}");
        if (MaxDegreeOfParallelism is { } threads) Guard.InRange(threads, 1, 1024, "monteCarlo.maxDegreeOfParallelism");
        if (!Enum.IsDefined(Random)) Guard.Fail("monteCarlo.random", $"unknown kind {Random}");
        if (!Enum.IsDefined(Precision)) Guard.Fail("monteCarlo.precision", $"unknown precision {Precision}");
        if (Precision == SimulationPrecision.Single && Random != RandomKind.Pseudo)
            Guard.Fail("monteCarlo.precision", "single precision draws pseudo-random numbers: Sobol' points are double only");
        if (Random == RandomKind.SobolBrownianBridge)
        {
            Guard.InRange(QuasiRandomReplicates, 2, 1024, "monteCarlo.quasiRandomReplicates");
            if (Paths % QuasiRandomReplicates != 0)
                Guard.Fail("monteCarlo.paths", $"must be a multiple of quasiRandomReplicates ({QuasiRandomReplicates}), got {Paths}");
        }
    }
}

using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// Pass 1 of Longstaff–Schwartz: a training set of its own (<see cref="TrainingPaths"/> pseudo-random paths, a seed
/// derived from the pricing seed) simulated on the one block scheduler, its prices on the exercise dates kept, and
/// the exercise boundary fitted backwards (<see cref="LongstaffSchwartzRegression"/>). The same bits on any core count.
/// </summary>
internal static class LongstaffSchwartzTraining
{
    /// <summary>Most training paths (the paper used 100,000; 65,536 keeps pass 1 small next to pass 2).</summary>
    public const int MaxTrainingPaths = 65_536;

    /// <summary>Most prices held by the training set (64 MiB): many exercise dates mean fewer training paths.</summary>
    public const long MaxTrainingValues = 1L << 23;

    // Distinguishes the training stream from the pricing stream of the same seed.
    private const ulong TrainingStream = 0x4C534D5F5452414EUL;

    /// <summary>
    /// Training paths for a request of <paramref name="paths"/> paths and <paramref name="exerciseDates"/>
    /// exercise dates: min(paths, <see cref="MaxTrainingPaths"/>, <see cref="MaxTrainingValues"/> / dates),
    /// rounded up to whole path blocks (1,024 paths) and at least one block.
    /// </summary>
    public static int TrainingPaths(long paths, int exerciseDates)
    {
        long cap = Math.Min(Math.Min(paths, MaxTrainingPaths), MaxTrainingValues / Math.Max(exerciseDates, 1));
        long blocks = Math.Max(1, (cap + SimulationPlan.BlockSize - 1) / SimulationPlan.BlockSize);
        return (int)Math.Min(blocks * SimulationPlan.BlockSize, MaxTrainingPaths);
    }

    /// <summary>The exercise boundary of a call or put on <paramref name="model"/>'s price, fitted on its own training paths.</summary>
    public static ExerciseBoundary Train(OptionType type, double strike, ExerciseGrid schedule, IPathModel model, MonteCarloSettings settings,
        SimulationLimits? limits, CancellationToken cancellation)
    {
        if (schedule.ExerciseCount == 1) return new ExerciseBoundary(1); // European: nothing to decide
        var samples = Job(schedule, model, settings, limits).Run(cancellation);
        return LongstaffSchwartzRegression.Fit(type, strike, samples.Rows, schedule.GrowthToExpiry, cancellation);
    }

    /// <summary>The training set as a block job: each path's price on every exercise date.</summary>
    public static PathSampleJob Job(ExerciseGrid schedule, IPathModel model, MonteCarloSettings settings, SimulationLimits? limits)
    {
        var training = new MonteCarloSettings
        {
            Paths = TrainingPaths(settings.Paths, schedule.ExerciseCount),
            Seed = SplitMix64.Key(settings.Seed, TrainingStream, 0),
            MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism,
        };
        var exerciseSteps = Enumerable.Range(0, schedule.Grid.Count).Where(k => schedule.ExerciseOfStep[k] >= 0).ToArray();
        var recorder = new PricesAtSteps(exerciseSteps, schedule.Grid.Count);
        return new PathSampleJob(training, new SimulationGroup(model, schedule.Grid, recorder), limits);
    }
}

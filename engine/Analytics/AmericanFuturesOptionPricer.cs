using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices American and Bermudan options on futures by Longstaff–Schwartz least-squares Monte Carlo in
/// two passes. Pass 1 simulates a training set (<see cref="TrainingPaths"/> paths, its own seed derived
/// from the settings seed, pseudo-random), keeps the prices on the exercise dates in memory and fits the
/// exercise boundary backwards (<see cref="LongstaffSchwartzRegression"/>). Pass 2 is an ordinary
/// <see cref="MonteCarloSimulator"/> run with the requested settings and seed that applies the fitted
/// rule: an out-of-sample, low-biased estimate with an honest standard error (it excludes the
/// boundary's own sampling error, which only lowers the value). Both passes run block-parallel and are
/// bit-identical on any thread count.
/// <para>
/// Options on futures whose premium is paid up front gain from early exercise only through interest on
/// the intrinsic value received early, so with r = 0 American = European. The rate is the flat
/// r = −ln(DF)/T implied by the option's discount factor. Futures-style margined options (EEX) are never
/// exercised early: price those as European. Exercise on the valuation date itself is not considered.
/// </para>
/// </summary>
public static class AmericanFuturesOptionPricer
{
    /// <summary>Most training paths (the paper used 100,000; 65,536 keeps pass 1 small next to pass 2).</summary>
    public const int MaxTrainingPaths = 65_536;

    /// <summary>Most prices held by the training set (64 MiB): many exercise dates mean fewer training paths.</summary>
    public const long MaxTrainingValues = 1L << 23;

    // Distinguishes the training stream from the pricing stream of the same seed.
    private const ulong TrainingStream = 0x4C534D5F5452414EUL;

    /// <summary>
    /// Present value of one long lot of an early-exercise option on a futures price under
    /// <paramref name="model"/>, per lot in the option's currency, discounted with the option's
    /// discount factor. The model's initial price must be the option's forward.
    /// </summary>
    /// <param name="option">The resolved option (type, strike, expiry, discount factor, lot size).</param>
    /// <param name="exercise">European, American (exercise at each of the <paramref name="steps"/> step ends) or
    /// Bermudan (its times merged into the uniform grid); expiry is always an exercise date.</param>
    /// <param name="model">Futures-price dynamics under the pricing measure.</param>
    /// <param name="steps">Uniform time steps to expiry; for American, the number of exercise dates.</param>
    /// <param name="settings">Paths, seed and variance reduction of pass 2; pass 1 takes its paths from them.</param>
    /// <param name="limits">Server bounds, checked for both passes before any work.</param>
    /// <param name="cancellation">Stops either pass within milliseconds.</param>
    /// <exception cref="InvalidInputException">"expiry" (zero), "steps", "exercise.times[i]", settings fields.</exception>
    /// <exception cref="BudgetExceededException">Either pass exceeds <paramref name="limits"/>.</exception>
    public static MonteCarloEstimate PriceLongstaffSchwartz(ResolvedFuturesOption option, ResolvedExercise exercise,
        IPathModel model, int steps, MonteCarloSettings settings, SimulationLimits? limits = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        if (option.Expiry <= 0) Guard.Fail("expiry", "the option expires today: its value is the intrinsic value, no simulation needed");
        var schedule = ExerciseGrid.Create(option.Expiry, steps, exercise, option.DiscountFactor);
        settings.Validate(schedule.Grid.Count, limits ?? SimulationLimits.Default);

        var boundary = Train(option, schedule, model, settings, limits, cancellation);
        var payoff = new LongstaffSchwartzPayoff(option.Type, option.Strike, schedule.ExerciseOfStep, schedule.GrowthToExpiry, boundary);
        var estimate = MonteCarloSimulator.Run(model, schedule.Grid, payoff, settings, limits, cancellation);
        return estimate.Scale(option.DiscountFactor * option.LotSize);
    }

    /// <summary>
    /// <see cref="PriceLongstaffSchwartz"/> under Black-76 dynamics with the option's forward and volatility.
    /// </summary>
    public static MonteCarloEstimate PriceBlack76(ResolvedFuturesOption option, ResolvedExercise exercise, int steps,
        MonteCarloSettings settings, SimulationLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(option);
        return PriceLongstaffSchwartz(option, exercise, new Black76Model(option.Forward, option.Volatility), steps, settings,
            limits, cancellation);
    }

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

    private static ExerciseBoundary Train(ResolvedFuturesOption option, ExerciseGrid schedule, IPathModel model,
        MonteCarloSettings settings, SimulationLimits? limits, CancellationToken cancellation)
    {
        if (schedule.ExerciseCount == 1) return new ExerciseBoundary(1); // European: nothing to decide
        int paths = TrainingPaths(settings.Paths, schedule.ExerciseCount);
        var training = new MonteCarloSettings
        {
            Paths = paths,
            Seed = SplitMix64.Key(settings.Seed, TrainingStream, 0),
            MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism,
        };
        var prices = new double[(long)paths * schedule.ExerciseCount];
        MonteCarloSimulator.Run(model, schedule.Grid, new ExercisePathRecorder(prices, paths, schedule.ExerciseOfStep), training,
            limits, cancellation);
        return LongstaffSchwartzRegression.Fit(option.Type, option.Strike, prices, paths, schedule.GrowthToExpiry);
    }
}

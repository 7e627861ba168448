using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// The simulation grid of an early-exercise option and where on it the holder may exercise: every step
/// end for American (the discretisation the Monte Carlo price converges to as steps grow), the listed
/// times merged into a uniform grid for Bermudan, and always expiry (the last step).
/// </summary>
internal sealed class ExerciseGrid
{
    private ExerciseGrid(TimeGrid grid, int[] exerciseOfStep, double[] growthToExpiry)
    {
        Grid = grid;
        ExerciseOfStep = exerciseOfStep;
        GrowthToExpiry = growthToExpiry;
    }

    /// <summary>The simulation times.</summary>
    public TimeGrid Grid { get; }

    /// <summary>For each step, the index of the exercise date at its end, or −1 where exercise is not allowed.</summary>
    public int[] ExerciseOfStep { get; }

    /// <summary>
    /// For each exercise date t_j, exp(r·(T − t_j)) with r = −ln(DF)/T the flat rate implied by the
    /// option's discount factor: it carries a cash flow received at t_j to its value at expiry T, so the
    /// caller discounts every path once with DF. 1 at expiry.
    /// </summary>
    public double[] GrowthToExpiry { get; }

    /// <summary>Number of exercise dates, expiry included.</summary>
    public int ExerciseCount => GrowthToExpiry.Length;

    /// <param name="expiry">Years to expiry; &gt; 0.</param>
    /// <param name="steps">Uniform steps to expiry (the American exercise dates); &gt;= 1.</param>
    /// <param name="exercise">The exercise terms.</param>
    /// <param name="discountFactor">Discount factor to expiry; &gt; 0.</param>
    /// <exception cref="InvalidInputException">"steps", or "exercise.times[i]" for a Bermudan time after expiry.</exception>
    public static ExerciseGrid Create(double expiry, int steps, ResolvedExercise exercise, double discountFactor)
    {
        var uniform = TimeGrid.Uniform(expiry, steps);
        var times = new SortedSet<double>(uniform.Times.ToArray());
        var exerciseTimes = new SortedSet<double> { expiry };
        switch (exercise.Style)
        {
            case ExerciseStyle.American:
                exerciseTimes.UnionWith(uniform.Times.ToArray());
                break;
            case ExerciseStyle.Bermudan:
                for (int i = 0; i < exercise.Times.Count; i++)
                {
                    double t = exercise.Times[i];
                    if (t > expiry) Guard.Fail($"exercise.times[{i}]", $"must not be after expiry {expiry}, got {t}");
                    // A date within a microsecond-scale tolerance of a grid time exercises at that time.
                    double onGrid = times.GetViewBetween(t - 1e-9, t + 1e-9).DefaultIfEmpty(t).First();
                    times.Add(onGrid);
                    exerciseTimes.Add(onGrid);
                }
                break;
        }

        var grid = new TimeGrid(times.ToArray());
        var exerciseOfStep = new int[grid.Count];
        var growth = new double[exerciseTimes.Count];
        double rate = -Math.Log(discountFactor) / expiry;
        int next = 0;
        for (int k = 0; k < grid.Count; k++)
        {
            double t = grid.Times[k];
            exerciseOfStep[k] = exerciseTimes.Contains(t) ? next : -1;
            if (exerciseOfStep[k] >= 0) growth[next++] = Math.Exp(rate * (expiry - t));
        }
        return new ExerciseGrid(grid, exerciseOfStep, growth);
    }
}

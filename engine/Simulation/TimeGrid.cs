using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Simulation times t_1 &lt; ... &lt; t_n in years from the valuation date (t_0 = 0 is implied).
/// Step k runs from t_k to t_{k+1} (zero-based: step 0 ends at <c>Times[0]</c>).
/// </summary>
public sealed class TimeGrid
{
    private readonly double[] _times;
    private readonly double[] _steps;

    /// <summary>A grid from explicit, strictly increasing positive times.</summary>
    public TimeGrid(IReadOnlyList<double> times)
    {
        if (times.Count == 0) Guard.Fail("times", "must contain at least one time");
        _times = new double[times.Count];
        _steps = new double[times.Count];
        double previous = 0;
        for (int i = 0; i < times.Count; i++)
        {
            double t = Guard.Positive(times[i], $"times[{i}]");
            if (t <= previous) Guard.Fail($"times[{i}]", $"must be greater than the previous time {previous}, got {t}");
            _times[i] = t;
            _steps[i] = t - previous;
            previous = t;
        }
    }

    /// <summary>An equally spaced grid of <paramref name="steps"/> steps ending at <paramref name="horizon"/> years.</summary>
    public static TimeGrid Uniform(double horizon, int steps)
    {
        Guard.Positive(horizon, "expiry");
        Guard.InRange(steps, 1, int.MaxValue, "steps");
        var times = new double[steps];
        for (int i = 0; i < steps; i++) times[i] = horizon * (i + 1) / steps;
        times[^1] = horizon;
        return new TimeGrid(times);
    }

    /// <summary>Number of steps (= number of times after t_0).</summary>
    public int Count => _times.Length;

    /// <summary>The final time t_n.</summary>
    public double Horizon => _times[^1];

    /// <summary>End time of each step.</summary>
    public ReadOnlySpan<double> Times => _times;

    /// <summary>Length of each step, t_{k+1} - t_k.</summary>
    public ReadOnlySpan<double> Steps => _steps;
}

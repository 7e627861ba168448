namespace CarbonDerivatives.Engine.Simulation.Single;

/// <summary>A stepper that can also advance its paths in single precision (<see cref="SimulationPrecision.Single"/>).</summary>
internal interface ISinglePrecisionStepper
{
    /// <summary>Whether these dynamics have a single-precision step (one Brownian factor, nothing else drawn).</summary>
    bool SupportsSinglePrecision { get; }

    /// <summary>The state at t_0: <see cref="IPathStepper.StateRows"/> rows of one float per path.</summary>
    void InitializeSingle(Span<float> state);

    /// <summary>Advances the float state over step <paramref name="step"/> with <paramref name="normals"/> and writes the prices, widened to double.</summary>
    void StepSingle(int step, Span<float> state, Span<double> price, ReadOnlySpan<float> normals);
}

/// <summary>Which groups single precision covers, checked where a job is built.</summary>
internal static class SinglePrecision
{
    /// <exception cref="Validation.InvalidInputException">"monteCarlo.precision": single precision and a group without a single-precision step.</exception>
    public static void Check(MonteCarloSettings settings, IEnumerable<SimulationGroup> groups)
    {
        if (settings.Precision != SimulationPrecision.Single) return;
        if (groups.Any(g => g.Stepper is not ISinglePrecisionStepper { SupportsSinglePrecision: true }))
            Validation.Guard.Fail("monteCarlo.precision",
                "single precision covers the lognormal models without jumps (Black-76, Schwartz one-factor, the European options' Brownian driver); these dynamics run in double precision only");
    }
}

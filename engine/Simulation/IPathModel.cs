namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Price dynamics of one underlying under the pricing measure. A model is immutable; for a given time
/// grid it prepares a <see cref="IPathStepper"/> holding the per-step coefficients.
/// </summary>
public interface IPathModel
{
    /// <summary>The initial price (futures or spot, in currency per unit).</summary>
    double InitialPrice { get; }

    /// <summary>Precomputes step coefficients for <paramref name="grid"/>.</summary>
    IPathStepper Prepare(TimeGrid grid);
}

/// <summary>
/// Advances a block of paths one step. Implementations are immutable and thread-safe; all per-path
/// state lives in the spans passed in (structure of arrays, one element per path).
/// </summary>
public interface IPathStepper
{
    /// <summary>Random numbers consumed per path and step.</summary>
    RandomDemand Demand { get; }

    /// <summary>
    /// E[S] at the end of each step under the simulated (discretised) dynamics, known analytically;
    /// the mean of control variates built on the price. NaN where no closed form exists (the simulator
    /// then refuses a control variate).
    /// </summary>
    ReadOnlySpan<double> ExpectedPrices { get; }

    /// <summary>
    /// Rows of per-path state (each one block long) the stepper keeps between steps: one per Brownian
    /// factor unless the stepper carries more (e.g. a previous settlement price).
    /// </summary>
    int StateRows => Demand.BrownianFactors;

    /// <summary>Sets the model state of every path to its value at t_0.</summary>
    void Initialize(Span<double> state);

    /// <summary>
    /// Advances <paramref name="state"/> over step <paramref name="step"/> and writes the price at the
    /// end of the step into <paramref name="price"/>. No allocation.
    /// </summary>
    void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms);
}

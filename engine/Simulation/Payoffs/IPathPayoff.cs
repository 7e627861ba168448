namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// A payoff evaluated on simulated price paths, in currency per unit of the underlying, undiscounted.
/// It creates one accumulator per worker; the accumulator keeps its per-path state in arrays.
/// </summary>
public interface IPathPayoff
{
    IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper);
}

/// <summary>Per-worker, per-block state of a path payoff. Not thread-safe; reused block after block.</summary>
public interface IPayoffAccumulator
{
    /// <summary>Clears the per-path state before a new block.</summary>
    void Reset();

    /// <summary>
    /// Clears the per-path state before block <paramref name="block"/>. Accumulators that store paths by
    /// their position in the whole simulation (e.g. a regression training set) override it.
    /// </summary>
    void Reset(long block) => Reset();

    /// <summary>Sees the prices of the block at the end of step <paramref name="step"/>.</summary>
    void Observe(int step, ReadOnlySpan<double> prices);

    /// <summary>
    /// Writes each path's payoff and its control variate: a quantity strongly correlated with the
    /// payoff whose expectation <see cref="ControlMean"/> is known exactly.
    /// </summary>
    void Complete(Span<double> payoff, Span<double> control);

    /// <summary>E[control] under the simulated dynamics.</summary>
    double ControlMean { get; }
}

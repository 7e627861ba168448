namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// What a simulation computes on each path, in currency per unit of the underlying, undiscounted: one or more
/// outputs per path (<see cref="Outputs"/>). By convention output 0 is the payoff and output 1 a control
/// variate whose mean is known (<see cref="IPayoffAccumulator.KnownMean"/>); multi-output payoffs (pathwise
/// sensitivities, revaluation scenarios, a book's positions) document their own layout. Measures read the
/// outputs (<see cref="Measure"/>); an output nobody reads costs one row of arithmetic, nothing more.
/// </summary>
public interface IPathPayoff
{
    /// <summary>Rows of per-path results each block writes.</summary>
    int Outputs { get; }

    /// <summary>Per-worker state for blocks of <paramref name="blockSize"/> paths simulated by <paramref name="stepper"/>.</summary>
    IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper);
}

/// <summary>Per-worker, per-block state of a path payoff. Not thread-safe; reused block after block.</summary>
public interface IPayoffAccumulator
{
    /// <summary>
    /// Clears the per-path state before block <paramref name="block"/> (accumulators that store paths by their
    /// position in the whole simulation, e.g. a regression training set, use the index).
    /// </summary>
    void Reset(long block);

    /// <summary>Sees the prices of the block at the end of step <paramref name="step"/>.</summary>
    void Observe(int step, ReadOnlySpan<double> prices);

    /// <summary>Writes every output row of the block (one value per path, mirrors included) to <paramref name="outputs"/>.</summary>
    void Complete(PathOutputs outputs);

    /// <summary>E[output] under the simulated dynamics where known exactly (what makes it a control variate), else NaN.</summary>
    double KnownMean(int output);
}

/// <summary>Where an accumulator writes the rows of one block; owned by the simulation worker.</summary>
public abstract class PathOutputs
{
    /// <summary>Output <paramref name="output"/> of every path of the block (length: the block size).</summary>
    public abstract void Write(int output, ReadOnlySpan<double> values);
}

/// <summary>The output layout of the single-valued payoffs: the payoff and its control variate.</summary>
public static class PayoffOutput
{
    /// <summary>The payoff.</summary>
    public const int Value = 0;

    /// <summary>The control variate (e.g. the terminal price), whose mean is known.</summary>
    public const int Control = 1;
}

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// Not a payoff but a recorder: output j is each path's price at the end of grid step <c>steps[j]</c>. Run
/// with a <see cref="PathSampleJob"/> it keeps the simulated prices themselves — the training set of a
/// Longstaff–Schwartz regression (the prices on the exercise dates), or the distribution of a price at a
/// horizon (the margin simulation).
/// </summary>
internal sealed class PricesAtSteps : IPathPayoff
{
    private readonly int[] _outputOfStep;

    /// <param name="steps">Zero-based grid steps, strictly increasing.</param>
    /// <param name="gridSteps">Steps of the grid the recorder will run on.</param>
    public PricesAtSteps(IReadOnlyList<int> steps, int gridSteps)
    {
        _outputOfStep = new int[gridSteps];
        Array.Fill(_outputOfStep, -1);
        for (int j = 0; j < steps.Count; j++) _outputOfStep[steps[j]] = j;
        Outputs = steps.Count;
    }

    public int Outputs { get; }

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) => new Accumulator(this, blockSize);

    private sealed class Accumulator(PricesAtSteps recorder, int blockSize) : IPayoffAccumulator
    {
        private readonly double[][] _rows = [.. Enumerable.Range(0, recorder.Outputs).Select(_ => new double[blockSize])];

        public double KnownMean(int output) => double.NaN;

        public void Reset(long block) { }

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            int j = recorder._outputOfStep[step];
            if (j >= 0) prices.CopyTo(_rows[j]);
        }

        public void Complete(PathOutputs outputs)
        {
            for (int j = 0; j < _rows.Length; j++) outputs.Write(j, _rows[j]);
        }
    }
}

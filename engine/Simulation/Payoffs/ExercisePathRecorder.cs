namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// Not a payoff but a recorder: stores every simulated path's price on each exercise date into one
/// shared, date-major array (<c>prices[j·paths + path]</c>), the training set of a Longstaff–Schwartz
/// regression. A path's row is fixed by its block (block b holds paths b·blockSize ...), so the set is
/// the same whatever thread simulated which block, and blocks write disjoint rows. Requires a plain
/// (non-antithetic, pseudo-random) run whose path count is a multiple of the block size. Reports zero
/// as payoff and control.
/// </summary>
internal sealed class ExercisePathRecorder(double[] prices, int paths, int[] exerciseOfStep) : IPathPayoff
{
    private readonly double[] _prices = prices;
    private readonly int _paths = paths;
    private readonly int[] _exerciseOfStep = exerciseOfStep;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) => new Accumulator(this, blockSize);

    private sealed class Accumulator(ExercisePathRecorder recorder, int blockSize) : IPayoffAccumulator
    {
        private int _firstPath;

        public double ControlMean => 0;

        public void Reset() => _firstPath = 0;

        public void Reset(long block) => _firstPath = checked((int)(block * blockSize));

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            int j = recorder._exerciseOfStep[step];
            if (j >= 0) prices.CopyTo(recorder._prices.AsSpan(j * recorder._paths + _firstPath, blockSize));
        }

        public void Complete(Span<double> payoff, Span<double> control)
        {
            payoff.Clear();
            control.Clear();
        }
    }
}

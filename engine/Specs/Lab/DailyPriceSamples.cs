using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>
/// A path payoff that keeps every simulated terminal price, so a distribution (quantiles, histogram,
/// probabilities) can be read from one <see cref="MonteCarloSimulator"/> run. Its value is the terminal
/// price itself (control: the same, mean known). Blocks arrive in thread order; <see cref="SortedPrices"/>
/// sorts them, which makes the sample independent of scheduling (each block's draws depend only on the
/// seed and the block index). Use with whole blocks of <see cref="SimulationPlan.BlockSize"/> paths and
/// without antithetic pairing, so every path kept is one the simulator counted.
/// </summary>
internal sealed class DailyPriceSamples : IPathPayoff
{
    private readonly List<double[]> _blocks = [];

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) =>
        new Accumulator(this, blockSize, stepper.ExpectedPrices[^1]);

    /// <summary>Every terminal price kept, ascending.</summary>
    public double[] SortedPrices()
    {
        lock (_blocks)
        {
            var all = _blocks.SelectMany(b => b).ToArray();
            Array.Sort(all);
            return all;
        }
    }

    private void Keep(double[] block)
    {
        lock (_blocks) _blocks.Add(block);
    }

    private sealed class Accumulator(DailyPriceSamples owner, int blockSize, double controlMean) : IPayoffAccumulator
    {
        private readonly double[] _terminal = new double[blockSize];
        public double ControlMean => controlMean;

        public void Reset() { }

        public void Observe(int step, ReadOnlySpan<double> prices) => prices.CopyTo(_terminal);

        public void Complete(Span<double> payoff, Span<double> control)
        {
            _terminal.CopyTo(payoff);
            _terminal.CopyTo(control);
            owner.Keep((double[])_terminal.Clone()); // once per block, outside the step loop
        }
    }
}

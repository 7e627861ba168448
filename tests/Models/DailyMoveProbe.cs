using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Tests.Models;

/// <summary>
/// A test "payoff" that inspects every daily move S_k / S_{k−1} − 1 of a path (S_0 = the initial price)
/// and reports per path either the number of moves beyond the limit (by more than a relative 1e-12) or
/// the number of moves at the limit (within a relative 1e-9). The mean over paths is the estimate.
/// </summary>
internal sealed class DailyMoveProbe(double initialPrice, double limit, bool countViolations) : IPathPayoff
{
    private readonly double _initialPrice = initialPrice, _limit = limit;
    private readonly bool _countViolations = countViolations;

    public int Outputs => 1;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) => new Accumulator(this, blockSize);

    private sealed class Accumulator(DailyMoveProbe probe, int blockSize) : IPayoffAccumulator
    {
        private readonly double[] _previous = new double[blockSize], _count = new double[blockSize];

        public double KnownMean(int output) => double.NaN;

        public void Reset(long block)
        {
            Array.Fill(_previous, probe._initialPrice);
            Array.Clear(_count);
        }

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            for (int i = 0; i < blockSize; i++)
            {
                double move = Math.Abs(prices[i] / _previous[i] - 1);
                bool counted = probe._countViolations ? move > probe._limit * (1 + 1e-12) : move >= probe._limit * (1 - 1e-9);
                if (counted) _count[i]++;
                _previous[i] = prices[i];
            }
        }

        public void Complete(PathOutputs outputs) => outputs.Write(PayoffOutput.Value, _count);
    }
}

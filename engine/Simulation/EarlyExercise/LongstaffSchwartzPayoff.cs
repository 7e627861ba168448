using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// An early-exercise call or put priced with a fixed exercise rule: a path is exercised on the first
/// exercise date where its exercise value is positive and exceeds the fitted continuation value of
/// <see cref="ExerciseBoundary"/>, otherwise at expiry. Because the rule was fitted on other paths, the
/// mean is an unbiased estimate of a feasible strategy's value: a low-biased estimate of the American
/// price. Each path's cash flow is valued at expiry (times <c>growthToExpiry[j]</c>), so the caller
/// discounts once. Control variate: the terminal price, whose mean is known.
/// </summary>
internal sealed class LongstaffSchwartzPayoff(OptionType type, double strike, int[] exerciseOfStep, double[] growthToExpiry,
    ExerciseBoundary boundary) : IPathPayoff
{
    private readonly OptionType _type = type;
    private readonly double _strike = strike;
    private readonly int[] _exerciseOfStep = exerciseOfStep;
    private readonly double[] _growthToExpiry = growthToExpiry;
    private readonly ExerciseBoundary _boundary = boundary;

    /// <summary>Output 0 the exercise cash flow valued at expiry, output 1 the terminal price (the control).</summary>
    public int Outputs => 2;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) =>
        new Accumulator(this, blockSize, stepper.ExpectedPrices[^1]);

    private sealed class Accumulator(LongstaffSchwartzPayoff payoff, int blockSize, double controlMean) : IPayoffAccumulator
    {
        private readonly double[] _cashFlow = new double[blockSize], _terminal = new double[blockSize];
        private readonly double[] _exercise = new double[blockSize], _moneyness = new double[blockSize], _continuation = new double[blockSize];
        private readonly bool[] _exercised = new bool[blockSize];

        public double KnownMean(int output) => output == PayoffOutput.Control ? controlMean : double.NaN;

        public void Reset(long block)
        {
            Array.Clear(_cashFlow);
            Array.Clear(_exercised);
        }

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            prices.CopyTo(_terminal);
            int j = payoff._exerciseOfStep[step];
            if (j < 0) return;
            VanillaPayoff.Apply(payoff._type, payoff._strike, prices, _exercise);
            TensorPrimitives.Multiply(_exercise, payoff._growthToExpiry[j], _exercise);
            if (j == payoff._growthToExpiry.Length - 1)
            {
                for (int i = 0; i < blockSize; i++)
                    if (!_exercised[i]) _cashFlow[i] = _exercise[i];
                return;
            }
            if (!payoff._boundary.IsActive(j)) return;
            TensorPrimitives.Multiply(prices, 1.0 / payoff._strike, _moneyness);
            payoff._boundary.Continuation(j, _moneyness, _continuation);
            for (int i = 0; i < blockSize; i++)
            {
                if (_exercised[i] || _exercise[i] <= 0 || _exercise[i] <= _continuation[i]) continue;
                _cashFlow[i] = _exercise[i];
                _exercised[i] = true;
            }
        }

        public void Complete(PathOutputs outputs)
        {
            outputs.Write(PayoffOutput.Value, _cashFlow);
            outputs.Write(PayoffOutput.Control, _terminal);
        }
    }
}

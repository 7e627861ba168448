using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// An average-price (Asian) call or put on the arithmetic mean of the price at the end of every step:
/// max(ω(A − K), 0), A = (1/n) Σ S_k. Control variate: A itself, with mean (1/n) Σ E[S_k].
/// </summary>
public sealed record ArithmeticAveragePayoff : IPathPayoff
{
    public ArithmeticAveragePayoff(OptionType type, double strike)
    {
        Type = type;
        Strike = Guard.Positive(strike, "strike");
    }

    public OptionType Type { get; }
    public double Strike { get; }

    /// <summary>Output 0 the payoff, output 1 the average (the control).</summary>
    public int Outputs => 2;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper)
    {
        var expected = stepper.ExpectedPrices;
        return new Accumulator(this, blockSize, expected.Length, TensorPrimitives.Sum(expected) / expected.Length);
    }

    private sealed class Accumulator(ArithmeticAveragePayoff payoff, int blockSize, int fixings, double controlMean) : IPayoffAccumulator
    {
        private readonly double[] _sum = new double[blockSize], _value = new double[blockSize];

        public double KnownMean(int output) => output == PayoffOutput.Control ? controlMean : double.NaN;

        public void Reset(long block) => Array.Clear(_sum);

        public void Observe(int step, ReadOnlySpan<double> prices) => TensorPrimitives.Add(_sum, prices, _sum);

        public void Complete(PathOutputs outputs)
        {
            TensorPrimitives.Multiply(_sum, 1.0 / fixings, _sum);
            VanillaPayoff.Apply(payoff.Type, payoff.Strike, _sum, _value);
            outputs.Write(PayoffOutput.Value, _value);
            outputs.Write(PayoffOutput.Control, _sum);
        }
    }
}

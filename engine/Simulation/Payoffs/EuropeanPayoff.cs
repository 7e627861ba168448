using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// A European call or put on the price at the last step of the grid. Control variate: the terminal
/// price itself, whose mean is known (F_0 for a futures price).
/// </summary>
public sealed record EuropeanPayoff : IPathPayoff
{
    public EuropeanPayoff(OptionType type, double strike)
    {
        Type = type;
        Strike = Guard.Positive(strike, "strike");
    }

    private EuropeanPayoff(OptionType type, double strike, bool anyFiniteStrike)
    {
        Type = type;
        Strike = anyFiniteStrike ? Guard.Finite(strike, "strike") : Guard.Positive(strike, "strike");
    }

    /// <summary>
    /// A European call or put on a simulated spread (Σ wᵢFᵢ, which may be zero or negative), so the
    /// strike may be any finite number, zero and negative included.
    /// </summary>
    public static EuropeanPayoff OnSpread(OptionType type, double strike) => new(type, strike, anyFiniteStrike: true);

    public OptionType Type { get; }
    public double Strike { get; }

    /// <summary>Output 0 the payoff, output 1 the terminal price (the control).</summary>
    public int Outputs => 2;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) =>
        new Accumulator(this, blockSize, stepper.ExpectedPrices[^1]);

    private sealed class Accumulator(EuropeanPayoff payoff, int blockSize, double controlMean) : IPayoffAccumulator
    {
        private readonly double[] _terminal = new double[blockSize], _value = new double[blockSize];

        public double KnownMean(int output) => output == PayoffOutput.Control ? controlMean : double.NaN;

        public void Reset(long block) { }

        // Each step overwrites the buffer, so after the last step it holds the terminal price.
        public void Observe(int step, ReadOnlySpan<double> prices) => prices.CopyTo(_terminal);

        public void Complete(PathOutputs outputs)
        {
            VanillaPayoff.Apply(payoff.Type, payoff.Strike, _terminal, _value);
            outputs.Write(PayoffOutput.Value, _value);
            outputs.Write(PayoffOutput.Control, _terminal);
        }
    }
}

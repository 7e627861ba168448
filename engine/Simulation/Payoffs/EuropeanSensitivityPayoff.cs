using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// A fixed linear combination, path by path, of four European payoffs read off one simulated path:
/// f(S_T), f((1 + ε)S_T), f((1 − ε)S_T) and f(S_{T−h}) (the price one step before the end). For
/// models whose paths scale with the initial price (Black-76, Merton: S_t = F_0·M_t) the scaled terms
/// are exactly the paths of a bumped F_0, so central differences in F_0 come out of one simulation with
/// common random numbers and an honest standard error; for time-homogeneous dynamics f(S_{T−h}) is the
/// payoff of the same option expiring h earlier. Control variate: the terminal price.
/// </summary>
public sealed record EuropeanSensitivityPayoff : IPathPayoff
{
    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike, currency per unit.</param>
    /// <param name="relativeBump">ε, the relative bump of the price.</param>
    /// <param name="weights">Weights of f(S_T), f((1+ε)S_T), f((1−ε)S_T), f(S_{T−h}).</param>
    public EuropeanSensitivityPayoff(OptionType type, double strike, double relativeBump, (double Base, double Up, double Down, double Earlier) weights)
    {
        Type = type;
        Strike = Guard.Positive(strike, "strike");
        RelativeBump = Guard.InRange(relativeBump, 1e-6, 0.5, "relativeBump");
        Weights = weights;
    }

    public OptionType Type { get; }
    public double Strike { get; }
    public double RelativeBump { get; }
    public (double Base, double Up, double Down, double Earlier) Weights { get; }

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) =>
        new Accumulator(this, blockSize, stepper.ExpectedPrices[^1]);

    private sealed class Accumulator(EuropeanSensitivityPayoff payoff, int blockSize, double controlMean) : IPayoffAccumulator
    {
        private readonly double[] _earlier = new double[blockSize], _terminal = new double[blockSize];
        private readonly double[] _scaled = new double[blockSize], _term = new double[blockSize];

        public double ControlMean => controlMean;

        public void Reset() { }

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            _terminal.CopyTo(_earlier); // after the last step: the price one step before the end
            prices.CopyTo(_terminal);
        }

        public void Complete(Span<double> values, Span<double> control)
        {
            var (wBase, wUp, wDown, wEarlier) = payoff.Weights;
            values.Clear();
            Add(values, _terminal, 1, wBase);
            Add(values, _terminal, 1 + payoff.RelativeBump, wUp);
            Add(values, _terminal, 1 - payoff.RelativeBump, wDown);
            Add(values, _earlier, 1, wEarlier);
            _terminal.CopyTo(control);
        }

        private void Add(Span<double> values, double[] prices, double scale, double weight)
        {
            if (weight == 0) return;
            System.Numerics.Tensors.TensorPrimitives.Multiply(prices, scale, _scaled);
            VanillaPayoff.Apply(payoff.Type, payoff.Strike, _scaled, _term);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_term, weight, values, values);
        }
    }
}

using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// An average-price (Asian) call or put on the prices at chosen steps of the grid (the fixing steps),
/// with a partially fixed average: max(ω(A − K), 0), A = (Σ past + Σ_fixing steps S_k)/N, arithmetic or
/// geometric. Control variate: the geometric-average option when its exact mean is supplied (the
/// pricer does so under Black-76, where it is lognormal), otherwise the arithmetic average itself with
/// mean (Σ past + Σ E[S_k])/N from the stepper — both unbiased.
/// </summary>
public sealed class AveragePricePayoff : IPathPayoff
{
    private readonly int[] _fixingSteps;

    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike, currency per unit; &gt; 0.</param>
    /// <param name="average">Arithmetic or geometric average.</param>
    /// <param name="fixingSteps">Zero-based grid steps whose end price is a fixing; strictly increasing.</param>
    /// <param name="pastFixings">Prices already fixed, each &gt; 0.</param>
    /// <param name="geometricOptionControlMean">E[max(ω(G − K), 0)] under the simulated dynamics, undiscounted,
    /// when known exactly; null to use the arithmetic average as control.</param>
    public AveragePricePayoff(OptionType type, double strike, AverageKind average, IReadOnlyList<int> fixingSteps,
        IReadOnlyList<double> pastFixings, double? geometricOptionControlMean = null)
    {
        ArgumentNullException.ThrowIfNull(fixingSteps);
        ArgumentNullException.ThrowIfNull(pastFixings);
        if (!Enum.IsDefined(type)) Guard.Fail("type", $"must be Call or Put, got {(int)type}");
        if (!Enum.IsDefined(average)) Guard.Fail("average", $"must be Arithmetic or Geometric, got {(int)average}");
        if (fixingSteps.Count == 0) Guard.Fail("fixingSteps", "must contain at least one step");
        for (int i = 0; i < fixingSteps.Count; i++)
            if (fixingSteps[i] < 0 || (i > 0 && fixingSteps[i] <= fixingSteps[i - 1]))
                Guard.Fail($"fixingSteps[{i}]", $"must be a step index after the previous one, got {fixingSteps[i]}");
        for (int i = 0; i < pastFixings.Count; i++) Guard.Positive(pastFixings[i], $"pastFixings[{i}]");
        if (geometricOptionControlMean is { } mean) Guard.NonNegative(mean, "geometricOptionControlMean");
        Type = type;
        Strike = Guard.Positive(strike, "strike");
        Average = average;
        _fixingSteps = [.. fixingSteps];
        FixingCount = fixingSteps.Count + pastFixings.Count;
        PastSum = pastFixings.Sum();
        PastLogSum = pastFixings.Sum(Math.Log);
        GeometricOptionControlMean = geometricOptionControlMean;
    }

    public OptionType Type { get; }
    public double Strike { get; }
    public AverageKind Average { get; }

    /// <summary>N: past fixings plus fixing steps.</summary>
    public int FixingCount { get; }

    /// <summary>Σ of the past fixings.</summary>
    public double PastSum { get; }

    /// <summary>Σ ln of the past fixings.</summary>
    public double PastLogSum { get; }

    /// <summary>Exact mean of the geometric-average option used as control; null when the average is the control.</summary>
    public double? GeometricOptionControlMean { get; }

    /// <summary>Output 0 the payoff, output 1 the control (the geometric-average option, or the arithmetic average).</summary>
    public int Outputs => 2;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper)
    {
        var expected = stepper.ExpectedPrices;
        if (_fixingSteps[^1] >= expected.Length)
            Guard.Fail("fixingSteps", $"step {_fixingSteps[^1]} is beyond the grid's {expected.Length} steps");
        var isFixing = new bool[expected.Length];
        double expectedSum = PastSum;
        foreach (int step in _fixingSteps)
        {
            isFixing[step] = true;
            expectedSum += expected[step];
        }
        return new Accumulator(this, blockSize, isFixing, GeometricOptionControlMean ?? expectedSum / FixingCount);
    }

    private sealed class Accumulator(AveragePricePayoff payoff, int blockSize, bool[] isFixing, double controlMean) : IPayoffAccumulator
    {
        private readonly bool _needsLogs = payoff.Average == AverageKind.Geometric || payoff.GeometricOptionControlMean is not null;
        private readonly double[] _sum = new double[blockSize], _logSum = new double[blockSize], _scratch = new double[blockSize];
        private readonly double[] _value = new double[blockSize], _control = new double[blockSize];

        public double KnownMean(int output) => output == PayoffOutput.Control ? controlMean : double.NaN;

        public void Reset(long block)
        {
            Array.Clear(_sum);
            Array.Clear(_logSum);
        }

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            if (!isFixing[step]) return;
            TensorPrimitives.Add(_sum, prices, _sum);
            if (!_needsLogs) return;
            Simd.SimdMath.Log(prices, _scratch);
            TensorPrimitives.Add(_logSum, _scratch, _logSum);
        }

        public void Complete(PathOutputs outputs)
        {
            Span<double> values = _value, control = _control;
            double inverseN = 1.0 / payoff.FixingCount;
            // Arithmetic average in _sum, geometric in _scratch (both in place: Reset clears before the next block).
            TensorPrimitives.Add(_sum, payoff.PastSum, _sum);
            TensorPrimitives.Multiply(_sum, inverseN, _sum);
            if (_needsLogs)
            {
                TensorPrimitives.Add(_logSum, payoff.PastLogSum, _scratch);
                TensorPrimitives.Multiply(_scratch, inverseN, _scratch);
                Simd.SimdMath.Exp(_scratch, _scratch);
            }
            var averaged = payoff.Average == AverageKind.Geometric ? _scratch : _sum;
            VanillaPayoff.Apply(payoff.Type, payoff.Strike, averaged, values);
            if (payoff.GeometricOptionControlMean is not null) VanillaPayoff.Apply(payoff.Type, payoff.Strike, _scratch, control);
            else _sum.CopyTo(control);
            outputs.Write(PayoffOutput.Value, values);
            outputs.Write(PayoffOutput.Control, control);
        }
    }
}

using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// One revaluation scenario of the legs of a <see cref="CorrelatedLegsStepper"/> at expiry:
/// Fᵢˢ(T) = Fᵢ(T)·exp(aᵢ + Σⱼ gᵢⱼEⱼ(T)), Eⱼ the cumulative independent Brownian motions. A relative
/// bump m of F₀ is aᵢ = ln m; a volatility or correlation change is aᵢ = −½(σ'ᵢ² − σᵢ²)T and
/// gᵢⱼ = σ'ᵢL'ᵢⱼ − σᵢLᵢⱼ. Given the same random numbers this is exactly the path of the bumped model.
/// </summary>
/// <param name="LogShift">aᵢ per leg.</param>
/// <param name="BrownianLoadingShift">gᵢⱼ (legs x factors); null when no Brownian term changes.</param>
internal sealed record SpreadScenario(double[] LogShift, double[,]? BrownianLoadingShift = null);

/// <summary>
/// max(ω(Σᵢ wᵢFᵢˢ(T) − K), 0) path by path for each scenario s: output s is scenario s, the last output the
/// unbumped terminal spread (a control). Bump-and-revalue with common random numbers in one simulation: a
/// finite difference is a measure weighting the scenario outputs, and comes with an honest standard error.
/// Works only on a <see cref="CorrelatedLegsStepper"/> (it reads the leg prices, and Eⱼ when tracked, from the state).
/// </summary>
internal sealed record SpreadScenarioPayoff(OptionType Type, double Strike, IReadOnlyList<SpreadScenario> Scenarios) : IPathPayoff
{
    /// <summary>One output per scenario, then the terminal spread.</summary>
    public int Outputs => Scenarios.Count + 1;

    /// <summary>The output of the unbumped terminal spread.</summary>
    public int SpreadOutput => Scenarios.Count;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper)
    {
        if (stepper is not CorrelatedLegsStepper legs)
            throw new ArgumentException("A spread scenario payoff needs the correlated-legs model.", nameof(stepper));
        if (!legs.TracksBrownian && Scenarios.Any(s => s.BrownianLoadingShift is not null))
            throw new ArgumentException("Volatility or correlation scenarios need the model to track its Brownian motions.", nameof(stepper));
        return new Accumulator(this, legs, blockSize);
    }

    private sealed class Accumulator : IPayoffAccumulator, IStateObservingAccumulator
    {
        private readonly SpreadScenarioPayoff _payoff;
        private readonly CorrelatedLegsStepper _legs;
        private readonly int _lastStep;
        private readonly double _spreadMean;
        private readonly double[][] _terminalPrices, _terminalBrownian;
        private readonly double[] _spread, _base, _legValue, _term;

        public Accumulator(SpreadScenarioPayoff payoff, CorrelatedLegsStepper legs, int blockSize)
        {
            _payoff = payoff;
            _legs = legs;
            _lastStep = legs.ExpectedPrices.Length - 1;
            _spreadMean = legs.ExpectedPrices[^1];
            _terminalPrices = Rows(legs.LegCount, blockSize);
            _terminalBrownian = Rows(legs.TracksBrownian ? legs.LegCount : 0, blockSize);
            _spread = new double[blockSize];
            _base = new double[blockSize];
            _legValue = new double[blockSize];
            _term = new double[blockSize];
        }

        private static double[][] Rows(int count, int length) => Enumerable.Range(0, count).Select(_ => new double[length]).ToArray();

        public double KnownMean(int output) => output == _payoff.SpreadOutput ? _spreadMean : double.NaN;

        public void Reset(long block) { }

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            if (step == _lastStep) prices.CopyTo(_base);
        }

        public void ObserveState(int step, ReadOnlySpan<double> state)
        {
            if (step != _lastStep) return;
            int b = _base.Length;
            for (int i = 0; i < _terminalPrices.Length; i++) state.Slice(_legs.PriceRow(i) * b, b).CopyTo(_terminalPrices[i]);
            for (int j = 0; j < _terminalBrownian.Length; j++) state.Slice(_legs.BrownianRow(j) * b, b).CopyTo(_terminalBrownian[j]);
        }

        public void Complete(PathOutputs outputs)
        {
            var weights = _legs.Weights;
            for (int s = 0; s < _payoff.Scenarios.Count; s++)
            {
                var scenario = _payoff.Scenarios[s];
                Array.Clear(_spread);
                for (int i = 0; i < _terminalPrices.Length; i++)
                {
                    Array.Fill(_legValue, scenario.LogShift[i]);
                    if (scenario.BrownianLoadingShift is { } g)
                        for (int j = 0; j < _terminalBrownian.Length; j++)
                            if (g[i, j] != 0) Simd.SimdMath.MultiplyAdd(_terminalBrownian[j], g[i, j], _legValue, _legValue);
                    Simd.SimdMath.Exp(_legValue, _legValue);
                    TensorPrimitives.Multiply(_legValue, _terminalPrices[i], _legValue);
                    Simd.SimdMath.MultiplyAdd(_legValue, weights[i], _spread, _spread);
                }
                VanillaPayoff.Apply(_payoff.Type, _payoff.Strike, _spread, _term);
                outputs.Write(s, _term);
            }
            outputs.Write(_payoff.SpreadOutput, _base);
        }
    }
}

using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>
/// A single-barrier call or put with a rebate paid at expiry. Each path carries a survival weight w:
/// the probability, given the simulated prices, that the barrier was not hit. Discrete monitoring: w
/// drops to 0 when a step ends on or beyond the barrier. Continuous monitoring: between two prices on
/// the live side a lognormal Brownian bridge crosses with probability exp(−2 z_k z_{k+1} / (σ²Δt)),
/// z = |ln(S/H)|, σ²Δt the step's variance (<see cref="BarrierBridge"/>: fixed, or each path's own under local vol),
/// and w is multiplied by one minus it — a conditional expectation, no extra random
/// numbers (Glasserman, Monte Carlo Methods in Financial Engineering (2004) §6.4). Payoff:
/// knock-out f(S_T)·w + R·(1 − w), knock-in f(S_T)·(1 − w) + R·w, so in + out = vanilla + R on every
/// path. Control variate: the terminal price.
/// </summary>
public sealed class BarrierPayoff : IPathPayoff
{
    private readonly BarrierBridge? _bridge;

    /// <param name="type">Call or put.</param>
    /// <param name="strike">Strike, currency per unit; &gt; 0.</param>
    /// <param name="direction">Up or down.</param>
    /// <param name="knock">In or out.</param>
    /// <param name="barrier">Barrier level, strictly on its side of <paramref name="initialPrice"/>.</param>
    /// <param name="rebate">Paid at expiry per unit; &gt;= 0.</param>
    /// <param name="initialPrice">Price at t_0 (the start of the first bridge).</param>
    /// <param name="bridge">Where the Brownian bridge of continuous monitoring takes each step's variance; null to monitor
    /// discretely at the end of each step.</param>
    public BarrierPayoff(OptionType type, double strike, BarrierDirection direction, BarrierKnock knock, double barrier,
        double rebate, double initialPrice, BarrierBridge? bridge)
    {
        // The resolved option checks the terms and names them; this repeats the checks for direct use.
        var terms = new ResolvedBarrierOption(type, strike, direction, knock, barrier, rebate, 0, initialPrice, 0, 1, 1);
        Terms = terms;
        _bridge = bridge;
    }

    /// <summary>Type, strike, direction, knock, barrier, rebate and the initial price (as Forward).</summary>
    public ResolvedBarrierOption Terms { get; }

    /// <summary>Output 0 the payoff, output 1 the terminal price (the control).</summary>
    public int Outputs => 2;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper)
    {
        if (_bridge?.FixedVariances is { } fixedVariances && fixedVariances.Length != stepper.ExpectedPrices.Length)
            Guard.Fail("bridgeVariances", $"must hold one variance per grid step ({stepper.ExpectedPrices.Length}), got {fixedVariances.Length}");
        IStepVariance? pathVariances = null;
        if (_bridge is not null && _bridge.FixedVariances is null)
            pathVariances = stepper as IStepVariance
                ?? throw new ArgumentException($"a bridge of the stepper's variances needs a stepper that knows them; {stepper.GetType().Name} does not", nameof(stepper));
        return new Accumulator(this, blockSize, stepper.ExpectedPrices[^1], pathVariances);
    }

    private sealed class Accumulator(BarrierPayoff payoff, int blockSize, double controlMean, IStepVariance? pathVariances) : IPayoffAccumulator
    {
        // Orientation: z = sign·ln(S/H) is positive on the live side (sign +1 for down, −1 for up).
        private readonly double _sign = payoff.Terms.Direction == BarrierDirection.Down ? 1 : -1;
        private readonly double _logBarrier = Math.Log(payoff.Terms.Barrier);
        private readonly double[] _survival = new double[blockSize], _terminal = new double[blockSize];
        private readonly double[] _previous = new double[blockSize], _distance = new double[blockSize], _crossing = new double[blockSize];
        private readonly double[] _previousLog = new double[blockSize]; // ln F at the start of the step, for path variances

        private readonly double[] _value = new double[blockSize];

        public double KnownMean(int output) => output == PayoffOutput.Control ? controlMean : double.NaN;

        public void Reset(long block)
        {
            Array.Fill(_survival, 1.0);
            Array.Fill(_previous, _sign * (Math.Log(payoff.Terms.Forward) - _logBarrier));
            Array.Fill(_previousLog, Math.Log(payoff.Terms.Forward));
        }

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            prices.CopyTo(_terminal);
            Simd.SimdMath.Log(prices, _distance);
            if (pathVariances is not null) PathCrossingExponents(step, _distance);
            TensorPrimitives.Subtract(_distance, _logBarrier, _distance);
            TensorPrimitives.Multiply(_distance, _sign, _distance);
            if (payoff._bridge is { } bridge)
            {
                if (bridge.FixedVariances is not { } variances) CompletePathCrossing();
                else if (variances[step] > 0)
                {
                    TensorPrimitives.Multiply(_previous, _distance, _crossing);
                    TensorPrimitives.Multiply(_crossing, -2.0 / variances[step], _crossing);
                    Simd.SimdMath.Exp(_crossing, _crossing);
                }
                else _crossing.AsSpan().Clear();
                for (int i = 0; i < _survival.Length; i++)
                    _survival[i] *= _previous[i] > 0 && _distance[i] > 0 ? 1 - _crossing[i] : 0;
                _distance.CopyTo(_previous);
            }
            else
            {
                for (int i = 0; i < _survival.Length; i++)
                    if (_distance[i] <= 0) _survival[i] = 0;
            }
        }

        // Under local vol each path's bridge has the variance its step was drawn with, σ²_loc(t, F_k)Δt: first −2/variance per
        // path (before the log prices move on), then, once z_{k+1} is known, exp(−2 z_k z_{k+1} / variance).
        private void PathCrossingExponents(int step, ReadOnlySpan<double> logPrices)
        {
            pathVariances!.VariancesOverStep(step, _previousLog, _crossing);
            TensorPrimitives.Divide(-2.0, _crossing, _crossing); // a zero variance gives −∞: no crossing between the prices
            logPrices.CopyTo(_previousLog);
        }

        private void CompletePathCrossing()
        {
            TensorPrimitives.Multiply(_crossing, _previous, _crossing);
            TensorPrimitives.Multiply(_crossing, _distance, _crossing);
            // Read only where both ends are on the live side (z_k·z_{k+1} > 0): −∞ there (no variance) gives no crossing.
            Simd.SimdMath.Exp(_crossing, _crossing);
        }

        public void Complete(PathOutputs outputs)
        {
            Span<double> values = _value;
            var terms = payoff.Terms;
            VanillaPayoff.Apply(terms.Type, terms.Strike, _terminal, values);
            // Weight of the vanilla leg: w for a knock-out, 1 − w for a knock-in; the rebate gets the rest.
            if (terms.Knock == BarrierKnock.In) TensorPrimitives.Subtract(1.0, _survival, _survival);
            TensorPrimitives.Subtract(values, terms.Rebate, values);
            Simd.SimdMath.MultiplyAdd(values, _survival, terms.Rebate, values); // (f − R)·w + R
            outputs.Write(PayoffOutput.Value, values);
            outputs.Write(PayoffOutput.Control, _terminal);
        }
    }
}

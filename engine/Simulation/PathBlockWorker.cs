using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// One worker's buffers (structure of arrays, allocated once) and the loop that simulates one path
/// block: draw → mirror (antithetic) → model step → payoff observation, step after step. Nothing is
/// allocated inside the step loop.
/// </summary>
internal sealed class PathBlockWorker
{
    private const int CancellationCheckInterval = 8;

    private readonly SimulationPlan _plan;
    private readonly IPathStepper _stepper;
    private readonly IPayoffAccumulator _accumulator;
    private readonly IStateObservingAccumulator? _stateObserver;
    private readonly BlockRandomStream _random = new();
    private readonly QuasiRandomBlockSource? _quasi;
    private readonly double[] _state, _price, _brownian, _jumpNormals, _uniforms, _payoff, _control;

    public PathBlockWorker(SimulationPlan plan, IPathStepper stepper, IPathPayoff payoff, QuasiRandomBlockSource? quasi)
    {
        _plan = plan;
        _stepper = stepper;
        _quasi = quasi;
        int b = SimulationPlan.BlockSize;
        var demand = stepper.Demand;
        _accumulator = payoff.CreateAccumulator(b, stepper);
        _stateObserver = _accumulator as IStateObservingAccumulator;
        _state = new double[b * stepper.StateRows];
        _price = new double[b];
        _brownian = new double[b * demand.BrownianFactors];
        _jumpNormals = new double[b * demand.JumpNormals];
        _uniforms = new double[b * demand.Uniforms];
        _payoff = new double[b];
        _control = new double[b];
    }

    /// <summary>E[control variate] of the payoff under the simulated dynamics.</summary>
    public double ControlMean => _accumulator.ControlMean;

    /// <summary>Simulates block <paramref name="block"/> and returns the moments of its samples.</summary>
    public SampleMoments Run(long block, CancellationToken cancellation)
    {
        var (replicate, firstDraw, samples) = _plan.Locate(block);
        _random.Reset(_plan.Seed, block);
        _quasi?.Generate(replicate, firstDraw + 1); // Sobol' point 0 is the origin: skip it
        _stepper.Initialize(_state);
        _accumulator.Reset(block);
        for (int step = 0; step < _plan.Steps; step++)
        {
            if (step % CancellationCheckInterval == 0) cancellation.ThrowIfCancellationRequested();
            DrawBrownian(step);
            Draw(_jumpNormals, normal: true);
            Draw(_uniforms, normal: false);
            _stepper.Step(step, _state, _price, new StepRandoms(_brownian, _jumpNormals, _uniforms));
            _accumulator.Observe(step, _price);
            _stateObserver?.ObserveState(step, _state);
        }
        _accumulator.Complete(_payoff, _control);
        if (_plan.Antithetic) AveragePairs();
        return SampleMoments.Of(_payoff.AsSpan(0, samples), _control.AsSpan(0, samples));
    }

    private void DrawBrownian(int step)
    {
        if (_quasi is null)
        {
            Draw(_brownian, normal: true);
            return;
        }
        int b = SimulationPlan.BlockSize, draws = _plan.DrawsPerBlock;
        for (int f = 0; f * b < _brownian.Length; f++)
        {
            var factor = _brownian.AsSpan(f * b, b);
            _quasi.Increments(f, step).CopyTo(factor);
            if (_plan.Antithetic) TensorPrimitives.Negate(factor[..draws], factor[draws..]);
        }
    }

    /// <summary>Fills each block-sized row of <paramref name="buffer"/>: fresh draws, then their mirrors.</summary>
    private void Draw(double[] buffer, bool normal)
    {
        int b = SimulationPlan.BlockSize, draws = _plan.DrawsPerBlock;
        for (int row = 0; row < buffer.Length; row += b)
        {
            var fresh = buffer.AsSpan(row, draws);
            if (normal) _random.FillNormals(fresh);
            else _random.FillUniforms(fresh);
            if (!_plan.Antithetic) continue;
            var mirror = buffer.AsSpan(row + draws, draws);
            if (normal) TensorPrimitives.Negate(fresh, mirror);
            else TensorPrimitives.Subtract(1.0, fresh, mirror);
        }
    }

    /// <summary>Antithetic estimator: each sample is the mean of a path and its mirror.</summary>
    private void AveragePairs()
    {
        int draws = _plan.DrawsPerBlock;
        foreach (var values in new[] { _payoff, _control })
        {
            var span = values.AsSpan();
            TensorPrimitives.Add(span[..draws], span.Slice(draws, draws), span[..draws]);
            TensorPrimitives.Multiply(span[..draws], 0.5, span[..draws]);
        }
    }
}

using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The loop that simulates one group's paths for one block: draw → mirror (antithetic) → model step → payoff
/// observation, step after step, then the payoff writes its outputs. One per (worker, group); the random-number
/// and state buffers are the worker's (<see cref="BlockBuffers"/>), shared by its groups, since they run one
/// after the other. Nothing is allocated inside the step loop.
/// </summary>
internal sealed class PathBlockSimulator : IGroupBlockSimulator
{
    private const int CancellationCheckInterval = 8;

    private readonly SimulationPlan _plan;
    private readonly SimulationGroup _group;
    private readonly IPayoffAccumulator _accumulator;
    private readonly IStateObservingAccumulator? _stateObserver;
    private readonly QuasiRandomBlockSource? _quasi;
    private readonly BlockBuffers _buffers;

    public PathBlockSimulator(SimulationPlan plan, SimulationGroup group, BlockBuffers buffers)
    {
        _plan = plan;
        _group = group;
        _buffers = buffers;
        _accumulator = group.Payoff.CreateAccumulator(SimulationPlan.BlockSize, group.Stepper);
        _stateObserver = _accumulator as IStateObservingAccumulator;
        _quasi = plan.QuasiRandom is { } quasi ? quasi.Source(group) : null;
    }

    /// <summary>Known means of the payoff's outputs under the group's dynamics (NaN where unknown).</summary>
    public double KnownMean(int output) => _accumulator.KnownMean(output);

    /// <summary>Simulates block <paramref name="block"/> and writes the payoff's outputs to <paramref name="outputs"/>.</summary>
    public void Run(long block, PathOutputs outputs, CancellationToken cancellation)
    {
        if (_plan.Single)
        {
            RunSingle(block, outputs, cancellation);
            return;
        }
        var (replicate, firstDraw, _) = _plan.Locate(block);
        var stepper = _group.Stepper;
        var demand = stepper.Demand;
        int b = SimulationPlan.BlockSize;
        var random = _buffers.Random;
        var state = _buffers.State(b * stepper.StateRows);
        var price = _buffers.Price;
        var brownian = _buffers.Brownian(b * demand.BrownianFactors);
        var uniforms = _buffers.Uniforms(b * demand.Uniforms);

        random.Reset(_plan.Seed, block, _group.StreamTag);
        _quasi?.Generate(replicate, firstDraw + 1); // Sobol' point 0 is the origin: skip it
        stepper.Initialize(state);
        _accumulator.Reset(block);
        for (int step = 0; step < _group.Steps; step++)
        {
            if (step % CancellationCheckInterval == 0) cancellation.ThrowIfCancellationRequested();
            DrawBrownian(brownian, step);
            Draw(uniforms, normal: false);
            stepper.Step(step, state, price, new StepRandoms(brownian, uniforms));
            _accumulator.Observe(step, price);
            _stateObserver?.ObserveState(step, state);
        }
        _accumulator.Complete(outputs);
    }

    /// <summary>
    /// The same loop in single precision (<see cref="SimulationPrecision.Single"/>): each step's uniforms become float
    /// normals (<see cref="Single.SingleNormals"/>), mirrored by negation, the float state steps and the prices come
    /// back in double for the payoff.
    /// </summary>
    private void RunSingle(long block, PathOutputs outputs, CancellationToken cancellation)
    {
        var stepper = (Single.ISinglePrecisionStepper)_group.Stepper; // SinglePrecision.Check admitted only these
        int b = SimulationPlan.BlockSize, draws = _plan.DrawsPerBlock;
        var uniforms = _buffers.Uniforms(draws);
        var normals = _buffers.SingleNormals;
        var state = _buffers.SingleState(b * _group.Stepper.StateRows);
        var price = _buffers.Price;
        var doubleState = _stateObserver is null ? default : _buffers.State(state.Length);

        _buffers.Random.Reset(_plan.Seed, block, _group.StreamTag);
        stepper.InitializeSingle(state);
        _accumulator.Reset(block);
        for (int step = 0; step < _group.Steps; step++)
        {
            if (step % CancellationCheckInterval == 0) cancellation.ThrowIfCancellationRequested();
            _buffers.Random.FillUniforms(uniforms);
            Single.SingleNormals.Transform(uniforms, normals.AsSpan(0, draws));
            if (_plan.Antithetic) TensorPrimitives.Negate(normals.AsSpan(0, draws), normals.AsSpan(draws, draws));
            stepper.StepSingle(step, state, price, normals);
            _accumulator.Observe(step, price);
            if (_stateObserver is null) continue;
            for (int i = 0; i < state.Length; i++) doubleState[i] = state[i];
            _stateObserver.ObserveState(step, doubleState);
        }
        _accumulator.Complete(outputs);
    }

    private void DrawBrownian(Span<double> brownian, int step)
    {
        if (_quasi is null)
        {
            Draw(brownian, normal: true);
            return;
        }
        int b = SimulationPlan.BlockSize, draws = _plan.DrawsPerBlock;
        for (int f = 0; f * b < brownian.Length; f++)
        {
            var factor = brownian.Slice(f * b, b);
            _quasi.Increments(f, step).CopyTo(factor);
            if (_plan.Antithetic) TensorPrimitives.Negate(factor[..draws], factor[draws..]);
        }
    }

    /// <summary>Fills each block-sized row of <paramref name="buffer"/>: fresh draws, then their mirrors.</summary>
    private void Draw(Span<double> buffer, bool normal)
    {
        int b = SimulationPlan.BlockSize, draws = _plan.DrawsPerBlock;
        for (int row = 0; row < buffer.Length; row += b)
        {
            var fresh = buffer.Slice(row, draws);
            if (normal) _buffers.Random.FillNormals(fresh);
            else _buffers.Random.FillUniforms(fresh);
            if (!_plan.Antithetic) continue;
            var mirror = buffer.Slice(row + draws, draws);
            if (normal) TensorPrimitives.Negate(fresh, mirror);
            else TensorPrimitives.Subtract(1.0, fresh, mirror);
        }
    }
}

/// <summary>One worker's random stream and draw/state buffers, grown to the largest group it simulates.</summary>
internal sealed class BlockBuffers
{
    private double[] _state = [], _brownian = [], _uniforms = [];
    private float[] _singleState = [];

    public BlockRandomStream Random { get; } = new();

    public double[] Price { get; } = new double[SimulationPlan.BlockSize];

    /// <summary>A block of float normals (single precision).</summary>
    public float[] SingleNormals { get; } = new float[SimulationPlan.BlockSize];

    /// <summary>Float state rows (single precision).</summary>
    public Span<float> SingleState(int length) => Grow(ref _singleState, length);

    public Span<double> State(int length) => Grow(ref _state, length);

    public Span<double> Brownian(int length) => Grow(ref _brownian, length);

    public Span<double> Uniforms(int length) => Grow(ref _uniforms, length);

    private static Span<T> Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[length];
        return buffer.AsSpan(0, length);
    }
}

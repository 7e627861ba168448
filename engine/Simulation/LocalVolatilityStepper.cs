using CarbonDerivatives.Engine.Market.Smile;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Dupire local volatility for a futures price: dF/F = σ_loc(t, F) dW, stepped in log price,
/// ln F_{k+1} = ln F_k − ½σ²Δt + σ√Δt·z with σ = σ_loc(t_k + Δt/2, F_k). Given F_k the step's mean is exactly F_k, so
/// the discrete price is a martingale (<see cref="ExpectedPrices"/> = F₀). σ²_loc is read from a grid precomputed per step
/// (<see cref="Nodes"/> log-price nodes across ±6 standard deviations of the horizon, linear between nodes, flat beyond),
/// from <see cref="SmileSurface.LocalVariance"/>. A parallel implied-vol shift δ (vega bumps) moves σ_loc by δ, exact for a
/// flat surface.
/// </summary>
public sealed class LocalVolatilityStepper : IPathStepper, IStepVariance
{
    /// <summary>Log-price nodes of the local-variance grid at each step.</summary>
    public const int Nodes = 161;

    private readonly double _initialLogPrice, _lowest, _spacing;
    private readonly double[] _varianceTimesStep; // [step × Nodes]: σ²_loc·Δt at each node
    private readonly double[] _expected;

    /// <param name="surface">The implied-vol surface.</param>
    /// <param name="forward">Futures price today.</param>
    /// <param name="grid">Time grid of the simulation.</param>
    /// <param name="volatilityShift">Parallel shift of the local vol (the implied-vol bump of a vega).</param>
    public LocalVolatilityStepper(SmileSurface surface, double forward, TimeGrid grid, double volatilityShift = 0)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(grid);
        _initialLogPrice = Math.Log(forward);
        double horizonSd = Math.Max(surface.Volatility(grid.Horizon, forward), 0.05) * Math.Sqrt(grid.Horizon);
        double halfWidth = Math.Max(6 * horizonSd, 0.25);
        _lowest = _initialLogPrice - halfWidth;
        _spacing = 2 * halfWidth / (Nodes - 1);
        var times = grid.Times;
        var steps = grid.Steps;
        _varianceTimesStep = new double[steps.Length * Nodes];
        for (int k = 0; k < steps.Length; k++)
        {
            double start = k == 0 ? 0 : times[k - 1], mid = start + 0.5 * steps[k];
            for (int j = 0; j < Nodes; j++)
            {
                double vol = Math.Max(Math.Sqrt(surface.LocalVariance(mid, Math.Exp(_lowest + j * _spacing))) + volatilityShift, 0);
                _varianceTimesStep[k * Nodes + j] = vol * vol * steps[k];
            }
        }
        _expected = new double[steps.Length];
        Array.Fill(_expected, forward);
    }

    /// <inheritdoc/>
    public RandomDemand Demand { get; } = new(1, 0);

    /// <summary>ln F₀, the grid's lowest node and spacing, and σ²_loc·Δt at each node [step × Nodes], for a back end that steps elsewhere (gpu/).</summary>
    internal (double InitialLogPrice, double Lowest, double Spacing, double[] VarianceTimesStep) Grid =>
        (_initialLogPrice, _lowest, _spacing, _varianceTimesStep);

    /// <inheritdoc/>
    public ReadOnlySpan<double> ExpectedPrices => _expected;

    /// <inheritdoc/>
    public void Initialize(Span<double> state) => state.Fill(_initialLogPrice);

    /// <inheritdoc/>
    public void VariancesOverStep(int step, ReadOnlySpan<double> logPrices, Span<double> variances)
    {
        var kernel = new Variances { LogPrices = logPrices, Output = variances, Row = Row(step), Lowest = _lowest, Spacing = _spacing };
        Simd.SimdLoop.Run(ref kernel, logPrices.Length);
    }

    private ReadOnlySpan<double> Row(int step) => _varianceTimesStep.AsSpan(step * Nodes, Nodes);

    /// <summary>
    /// σ²_loc·Δt at log price x from one step's row of nodes: linear between the nodes (gathered per lane), flat beyond.
    /// The step and the barrier's bridge read it alike.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static TVec Variance<TVec>(TVec x, ReadOnlySpan<double> row, double lowest, double spacing) where TVec : struct, Simd.ISimdDouble<TVec>
    {
        var zero = TVec.Broadcast(0);
        var u = (x - TVec.Broadcast(lowest)) / TVec.Broadcast(spacing);
        // In [0, Nodes − 2] whatever u is (a NaN goes to 0): the gathers read no further than the row.
        var node = Simd.ElementaryFunctions.Floor(TVec.Min(TVec.WhereGreater(u, zero, u, zero), TVec.Broadcast(Nodes - 2)));
        var left = TVec.Gather(row, node);
        var between = left + (u - node) * (TVec.Gather(row, node + TVec.Broadcast(1)) - left);
        return TVec.WhereGreater(u, zero, TVec.WhereGreater(TVec.Broadcast(Nodes - 1), u, between, TVec.Broadcast(row[^1])), TVec.Broadcast(row[0]));
    }

    private ref struct Variances : Simd.ISimdKernel
    {
        public ReadOnlySpan<double> LogPrices, Row;
        public Span<double> Output;
        public double Lowest, Spacing;

        public int Execute<TVec>(int start, int length) where TVec : struct, Simd.ISimdDouble<TVec>
        {
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count) Variance(TVec.Load(LogPrices, i), Row, Lowest, Spacing).Store(Output, i);
            return i;
        }
    }

    /// <inheritdoc/>
    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        var kernel = new LocalVolatilityStep
        {
            State = state, Price = price, Normals = randoms.Brownian, Row = Row(step), Lowest = _lowest, Spacing = _spacing,
        };
        Simd.SimdLoop.Run(ref kernel, state.Length);
    }

    /// <summary>The step on whole vectors: x' = x + (√v·z − v/2) with v = <see cref="Variance"/>, then S = exp(x').</summary>
    private ref struct LocalVolatilityStep : Simd.ISimdKernel
    {
        public Span<double> State, Price;
        public ReadOnlySpan<double> Normals, Row;
        public double Lowest, Spacing;

        public int Execute<TVec>(int start, int length) where TVec : struct, Simd.ISimdDouble<TVec>
        {
            var minusHalf = TVec.Broadcast(-0.5);
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var x = TVec.Load(State, i);
                var variance = Variance(x, Row, Lowest, Spacing);
                x += TVec.MultiplyAdd(TVec.Sqrt(variance), TVec.Load(Normals, i), minusHalf * variance);
                x.Store(State, i);
                Simd.ElementaryFunctions.Exp(x).Store(Price, i);
            }
            return i;
        }
    }
}

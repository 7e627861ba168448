using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// One step of the Brownian driver of lognormal futures prices: W' = W + √Δt·z and, with jumps,
/// J' = J + N·μ_J + √N·σ_J·z_J − λκΔt (the compensated compound-Poisson log-jump sum; N and z_J drawn from one
/// uniform, as in <see cref="AffineLogStep"/>).
/// </summary>
internal ref struct DriverStep : ISimdKernel
{
    public Span<double> Brownian;
    public Span<double> Jumps;
    public ReadOnlySpan<double> Normals;
    public double SqrtStep;
    public ReadOnlySpan<double> JumpCdf;
    public ReadOnlySpan<double> Uniforms;
    public double JumpMean;
    public double JumpVolatility;
    public double Compensator;

    public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
    {
        var sqrtStep = TVec.Broadcast(SqrtStep);
        var compensator = TVec.Broadcast(-Compensator);
        bool jumps = !JumpCdf.IsEmpty;
        int i = start;
        for (; i <= length - TVec.Count; i += TVec.Count)
        {
            TVec.MultiplyAdd(TVec.Load(Normals, i), sqrtStep, TVec.Load(Brownian, i)).Store(Brownian, i);
            if (!jumps) continue;
            var u = TVec.Load(Uniforms, i);
            var count = PoissonThresholds.Count(u, JumpCdf, out var lower, out var upper);
            PoissonThresholds.AddJumps(TVec.Load(Jumps, i) + compensator, count, u, lower, upper, JumpMean, JumpVolatility).Store(Jumps, i);
        }
        return i;
    }
}

/// <summary>
/// The Brownian driver on a grid: state row 0 is W(t), row 1 the compensated log-jump sum J(t) (zero without
/// jumps). Every lognormal futures price on the underlying is a deterministic function of them,
/// ln F(t) = ln F(0) + σW(t) − σ²t/2 + J(t), so options with different forwards, strikes and vols share one
/// simulation and their pathwise and likelihood-ratio Greeks read W directly. The "price" written is W.
/// Immutable; shared by all worker threads.
/// </summary>
internal sealed class DriverStepper : IPathStepper, Single.ISinglePrecisionStepper
{
    private readonly double[] _sqrtStep, _compensator, _unknownMeans;
    private readonly double[][] _jumpCdf;
    private readonly double _jumpMean, _jumpVolatility;

    public DriverStepper(double[] sqrtStep, double[][] jumpCdf, double[] compensator, double jumpMean, double jumpVolatility)
    {
        _sqrtStep = sqrtStep;
        _jumpCdf = jumpCdf;
        _compensator = compensator;
        _jumpMean = jumpMean;
        _jumpVolatility = jumpVolatility;
        bool hasJumps = jumpCdf.Any(t => t.Length > 0);
        Demand = new RandomDemand(1, hasJumps ? 1 : 0);
        _unknownMeans = new double[sqrtStep.Length];
        Array.Fill(_unknownMeans, double.NaN);
    }

    /// <summary>State row of W.</summary>
    public const int BrownianRow = 0;

    /// <summary>State row of J.</summary>
    public const int JumpRow = 1;

    public RandomDemand Demand { get; }

    /// <summary>The step coefficients, for a back end that steps the paths elsewhere (gpu/).</summary>
    internal DriverCoefficients Coefficients => new(_sqrtStep, _jumpCdf, _compensator, _jumpMean, _jumpVolatility);

    public int StateRows => 2;

    /// <summary>The driver is not a price: no control variate on it.</summary>
    public ReadOnlySpan<double> ExpectedPrices => _unknownMeans;

    public void Initialize(Span<double> state) => state.Clear();

    /// <summary>Without jumps the step draws one normal and nothing else (J stays 0): it has a single-precision form.</summary>
    public bool SupportsSinglePrecision => Demand.Uniforms == 0;

    public void InitializeSingle(Span<float> state) => state.Clear();

    public void StepSingle(int step, Span<float> state, Span<double> price, ReadOnlySpan<float> normals)
    {
        int b = price.Length;
        var kernel = new Single.SingleDriverStep { Brownian = state[..b], Price = price, Normals = normals, SqrtStep = (float)_sqrtStep[step] };
        Single.SingleLoop.Run(ref kernel, b);
    }

    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        int b = price.Length;
        var kernel = new DriverStep
        {
            Brownian = state[..b],
            Jumps = state.Slice(b, b),
            Normals = randoms.Brownian,
            SqrtStep = _sqrtStep[step],
            JumpCdf = _jumpCdf[step],
            Uniforms = randoms.Uniforms,
            JumpMean = _jumpMean,
            JumpVolatility = _jumpVolatility,
            Compensator = _compensator[step],
        };
        Simd.SimdLoop.Run(ref kernel, b);
        state[..b].CopyTo(price);
    }
}

/// <summary>What <see cref="DriverStepper"/> steps with: √Δt_k, the Poisson CDF thresholds and the compensator λκΔt_k of each step, the log-jump law.</summary>
internal sealed record DriverCoefficients(double[] SqrtStep, double[][] JumpCdf, double[] Compensator, double JumpMean, double JumpVolatility);

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Per-step coefficients of x_{k+1} = a_k·x_k + b_k + c_k·z_k (+ jumps), S = exp(x), prepared by a
/// model for one time grid. Immutable; shared by all worker threads.
/// </summary>
internal sealed class AffineLogStepper : IPathStepper, Single.ISinglePrecisionStepper
{
    private readonly double _initialLogPrice;
    private readonly double[] _a, _b, _c;
    private readonly double[][] _jumpCdf;
    private readonly double _jumpMean, _jumpVolatility;
    private readonly double[] _expectedPrice;

    /// <param name="initialLogPrice">ln S_0.</param>
    /// <param name="a">Persistence per step (1 for a martingale log-price).</param>
    /// <param name="b">Deterministic drift per step.</param>
    /// <param name="c">Diffusion standard deviation per step.</param>
    /// <param name="jumpCdf">Poisson CDF thresholds per step (empty arrays: no jumps).</param>
    /// <param name="jumpMean">Mean of one log-jump.</param>
    /// <param name="jumpVolatility">Standard deviation of one log-jump.</param>
    /// <param name="expectedPrice">E[S] at the end of each step under these exact dynamics.</param>
    public AffineLogStepper(double initialLogPrice, double[] a, double[] b, double[] c,
        double[][] jumpCdf, double jumpMean, double jumpVolatility, double[] expectedPrice)
    {
        _initialLogPrice = initialLogPrice;
        _a = a;
        _b = b;
        _c = c;
        _jumpCdf = jumpCdf;
        _jumpMean = jumpMean;
        _jumpVolatility = jumpVolatility;
        _expectedPrice = expectedPrice;
        bool hasJumps = jumpCdf.Any(t => t.Length > 0);
        Demand = new RandomDemand(1, hasJumps ? 1 : 0);
    }

    public RandomDemand Demand { get; }

    /// <summary>The step coefficients, for a back end that steps the paths elsewhere (gpu/).</summary>
    internal AffineLogCoefficients Coefficients => new(_initialLogPrice, _a, _b, _c, _jumpCdf, _jumpMean, _jumpVolatility);

    public ReadOnlySpan<double> ExpectedPrices => _expectedPrice;

    public void Initialize(Span<double> state) => state.Fill(_initialLogPrice);

    /// <summary>Without jumps the step draws one normal and nothing else: it has a single-precision form.</summary>
    public bool SupportsSinglePrecision => Demand.Uniforms == 0;

    public void InitializeSingle(Span<float> state) => state.Fill((float)_initialLogPrice);

    public void StepSingle(int step, Span<float> state, Span<double> price, ReadOnlySpan<float> normals)
    {
        var kernel = new Single.SingleAffineLogStep
        {
            State = state, Price = price, Normals = normals, A = (float)_a[step], B = (float)_b[step], C = (float)_c[step],
        };
        Single.SingleLoop.Run(ref kernel, state.Length);
    }

    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        var kernel = new AffineLogStep
        {
            State = state,
            Price = price,
            Normals = randoms.Brownian,
            A = _a[step],
            B = _b[step],
            C = _c[step],
            JumpCdf = _jumpCdf[step],
            Uniforms = randoms.Uniforms,
            JumpMean = _jumpMean,
            JumpVolatility = _jumpVolatility,
        };
        Simd.SimdLoop.Run(ref kernel, state.Length);
    }
}

/// <summary>What <see cref="AffineLogStepper"/> steps with: ln S_0, a_k, b_k, c_k, the Poisson CDF thresholds of each step, the log-jump law.</summary>
internal sealed record AffineLogCoefficients(double InitialLogPrice, double[] A, double[] B, double[] C, double[][] JumpCdf,
    double JumpMean, double JumpVolatility);

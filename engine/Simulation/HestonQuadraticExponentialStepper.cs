namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Andersen's (2008) quadratic-exponential (QE) scheme for Heston on a futures price, with the martingale
/// correction, so E[F] = F₀ after every sub-step (the price is an exact control variate). Each grid step is cut
/// into sub-steps of at most the model's largest step; per sub-step one uniform draws the variance (through
/// Φ⁻¹ in the quadratic branch, by inversion in the exponential one, switching at ψ_c = 1.5) and one normal the
/// log price, with the central discretisation γ₁ = γ₂ = ½ of ∫v. State: ln F in row 0, v in row 1.
/// <para>Source: L. Andersen, "Simple and efficient simulation of the Heston stochastic volatility model",
/// J. Computational Finance 11(3) (2008) 1–42, §3.2.3 (QE), §4.2 (martingale correction).</para>
/// </summary>
internal sealed class HestonQuadraticExponentialStepper : IPathStepper
{
    private const double CriticalPsi = 1.5;

    private readonly double _initialLogPrice, _initialVariance, _longRunVariance;
    private readonly int[] _subSteps;
    private readonly SubStep[] _coefficients;
    private readonly double[] _expectedPrice;

    /// <summary>Coefficients of one sub-step of length h (with γ₁ = γ₂ = ½ the scheme's K₄ equals K₃).</summary>
    private readonly record struct SubStep(double Decay, double VarianceFromV, double VarianceConstant, double K2, double K3, double A);

    /// <param name="initialPrice">F₀.</param>
    /// <param name="initialVariance">v₀.</param>
    /// <param name="meanReversion">κ.</param>
    /// <param name="longRunVariance">θ.</param>
    /// <param name="volOfVol">ξ.</param>
    /// <param name="correlation">ρ.</param>
    /// <param name="stepLengths">The grid's step lengths.</param>
    /// <param name="maxSubStep">Largest sub-step, years.</param>
    public HestonQuadraticExponentialStepper(double initialPrice, double initialVariance, double meanReversion, double longRunVariance,
        double volOfVol, double correlation, ReadOnlySpan<double> stepLengths, double maxSubStep)
    {
        _initialLogPrice = Math.Log(initialPrice);
        _initialVariance = initialVariance;
        _longRunVariance = longRunVariance;
        int n = stepLengths.Length;
        _subSteps = new int[n];
        _coefficients = new SubStep[n];
        _expectedPrice = new double[n];
        Array.Fill(_expectedPrice, initialPrice);
        double kappa = meanReversion, theta = longRunVariance, xi = volOfVol, rho = correlation;
        for (int k = 0; k < n; k++)
        {
            int m = Math.Max(1, (int)Math.Ceiling(stepLengths[k] / maxSubStep - 1e-9));
            double h = stepLengths[k] / m;
            double e = Math.Exp(-kappa * h), oneMinusE = -double.ExpM1(-kappa * h);
            double k2 = 0.5 * h * (kappa * rho / xi - 0.5) + rho / xi;
            double k3 = 0.5 * h * (1 - rho * rho);
            _subSteps[k] = m;
            _coefficients[k] = new SubStep(e, xi * xi * e * oneMinusE / kappa, theta * xi * xi * oneMinusE * oneMinusE / (2 * kappa),
                k2, k3, k2 + 0.5 * k3);
        }
        int most = _subSteps.Length == 0 ? 1 : _subSteps.Max();
        Demand = new RandomDemand(most, most);
    }

    public RandomDemand Demand { get; }

    public int StateRows => 2;

    public ReadOnlySpan<double> ExpectedPrices => _expectedPrice;

    public void Initialize(Span<double> state)
    {
        int n = state.Length / 2;
        state[..n].Fill(_initialLogPrice);
        state[n..].Fill(_initialVariance);
    }

    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        int n = price.Length;
        var logPrice = state[..n];
        var variance = state[n..(2 * n)];
        for (int j = 0; j < _subSteps[step]; j++)
        {
            var kernel = new QuadraticExponentialStep
            {
                LogPrice = logPrice, Variance = variance, Normals = randoms.Brownian.Slice(j * n, n), Uniforms = randoms.Uniforms.Slice(j * n, n),
                Coefficients = _coefficients[step], LongRunVariance = _longRunVariance,
            };
            Simd.SimdLoop.Run(ref kernel, n);
        }
        Simd.SimdMath.Exp(logPrice, price);
    }

    /// <summary>
    /// One QE sub-step on whole vectors: both branches where the vector's paths need both (else only the one they
    /// take), the choice per path by ψ ≤ ψ_c; the engine's Φ⁻¹, log and square root, so every tier gives the same bits.
    /// </summary>
    private ref struct QuadraticExponentialStep : Simd.ISimdKernel
    {
        public Span<double> LogPrice, Variance;
        public ReadOnlySpan<double> Normals, Uniforms;
        public SubStep Coefficients;
        public double LongRunVariance;

        public int Execute<TVec>(int start, int length) where TVec : struct, Simd.ISimdDouble<TVec>
        {
            var c = Coefficients;
            var zero = TVec.Broadcast(0);
            var one = TVec.Broadcast(1);
            var two = TVec.Broadcast(2);
            var half = TVec.Broadcast(0.5);
            var theta = TVec.Broadcast(LongRunVariance);
            var critical = TVec.Broadcast(CriticalPsi);
            var a = TVec.Broadcast(c.A);
            var k3 = TVec.Broadcast(c.K3);
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var v = TVec.Load(Variance, i);
                var u = TVec.Load(Uniforms, i);
                var mean = theta + (v - theta) * TVec.Broadcast(c.Decay);
                var psi = (v * TVec.Broadcast(c.VarianceFromV) + TVec.Broadcast(c.VarianceConstant)) / (mean * mean);
                TVec next = zero, logMoment = zero;
                bool exponential = TVec.AnyGreater(psi, critical);
                if (TVec.AnyGreater(TVec.WhereGreater(psi, critical, zero, one), zero)) // some path has ψ ≤ ψ_c
                {
                    // Quadratic: v' = a(b + Z)², Z = Φ⁻¹(u); ln E[e^{Av'}] of the non-central chi-square while A < 1/(2a).
                    var twoOverPsi = two / psi;
                    var b2 = twoOverPsi - one + TVec.Sqrt(twoOverPsi) * TVec.Sqrt(twoOverPsi - one);
                    var scale = mean / (one + b2);
                    // Paths of the other branch take u = ½ here, keeping the vector off Φ⁻¹'s tail branch for them.
                    var z = Simd.InverseNormalCdf.Inverse(TVec.WhereGreater(psi, critical, half, u)) + TVec.Sqrt(b2);
                    next = scale * z * z;
                    var oneMinus2Aa = one - two * a * scale;
                    logMoment = TVec.WhereGreater(oneMinus2Aa, zero,
                        a * b2 * scale / oneMinus2Aa - half * Simd.ElementaryFunctions.Log(oneMinus2Aa), a * mean);
                }
                if (exponential)
                {
                    // Exponential: v' = 0 with probability p, else exponential of rate β, by inversion of u.
                    var p = (psi - one) / (psi + one);
                    var beta = (one - p) / mean;
                    var tail = TVec.WhereGreater(u, p, Simd.ElementaryFunctions.Log((one - p) / (one - u)) / beta, zero);
                    var moment = TVec.WhereGreater(beta, a, Simd.ElementaryFunctions.Log(p + beta * (one - p) / (beta - a)), a * mean);
                    next = TVec.WhereGreater(psi, critical, tail, next);
                    logMoment = TVec.WhereGreater(psi, critical, moment, logMoment);
                }
                // ln F' = ln F − ln E[e^{A v'}] − ½K₃v + K₂v' + √(K₃v + K₄v')·Z: the K₀ and K₁ terms of the scheme
                // folded into the martingale correction, so E[F' | F, v] = F.
                var logPrice = TVec.Load(LogPrice, i) + (zero - logMoment) - half * k3 * v + TVec.Broadcast(c.K2) * next
                               + TVec.Sqrt(k3 * v + k3 * next) * TVec.Load(Normals, i);
                logPrice.Store(LogPrice, i);
                next.Store(Variance, i);
            }
            return i;
        }
    }
}

using CarbonDerivatives.Engine.Numerics;

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
        var c = _coefficients[step];
        double theta = _longRunVariance;
        for (int j = 0; j < _subSteps[step]; j++)
        {
            var normals = randoms.Brownian.Slice(j * n, n);
            var uniforms = randoms.Uniforms.Slice(j * n, n);
            for (int i = 0; i < n; i++)
            {
                double v = variance[i];
                double mean = theta + (v - theta) * c.Decay;
                double psi = (v * c.VarianceFromV + c.VarianceConstant) / (mean * mean);
                double next, logMoment;
                if (psi <= CriticalPsi)
                {
                    double twoOverPsi = 2 / psi;
                    double b2 = twoOverPsi - 1 + Math.Sqrt(twoOverPsi) * Math.Sqrt(twoOverPsi - 1);
                    double a = mean / (1 + b2);
                    double z = InverseNormal.InverseUnchecked(uniforms[i]) + Math.Sqrt(b2);
                    next = a * z * z;
                    double oneMinus2Aa = 1 - 2 * c.A * a;
                    // ln E[exp(A·v')] of the non-central chi-square; finite while A < 1/(2a) (always, for ρ ≤ 0).
                    logMoment = oneMinus2Aa > 0 ? c.A * b2 * a / oneMinus2Aa - 0.5 * Math.Log(oneMinus2Aa) : c.A * mean;
                }
                else
                {
                    double p = (psi - 1) / (psi + 1);
                    double beta = (1 - p) / mean;
                    double u = uniforms[i];
                    next = u <= p ? 0 : Math.Log((1 - p) / (1 - u)) / beta;
                    logMoment = beta > c.A ? Math.Log(p + beta * (1 - p) / (beta - c.A)) : c.A * mean;
                }
                // ln F' = ln F − ln E[e^{A v'}] − ½K₃v + K₂v' + √(K₃v + K₄v')·Z: the K₀ and K₁ terms of the scheme
                // folded into the martingale correction, so E[F' | F, v] = F.
                logPrice[i] += -logMoment - 0.5 * c.K3 * v + c.K2 * next + Math.Sqrt(c.K3 * v + c.K3 * next) * normals[i];
                variance[i] = next;
            }
        }
        for (int i = 0; i < n; i++) price[i] = Math.Exp(logPrice[i]);
    }
}

using CarbonDerivatives.Engine.Numerics;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Exact steps of the compliance model (<see cref="Models.CompliancePenaltyModel"/>): the state is the
/// Gaussian martingale Z (variance normalised to v(0,T) = 1), Z_{k+1} = Z_k + c_k·z, and the price is
/// π·Φ(Z_{k+1}·w_k) with w_k = 1/√v(t_{k+1},T). At the compliance date w is infinite and the price is
/// the digital π·1{Z &gt; 0}. Immutable; shared by all worker threads.
/// </summary>
internal sealed class CompliancePenaltyStepper : IPathStepper
{
    private readonly double _penalty, _initialState;
    private readonly double[] _increment, _inverseScale, _expectedPrice;

    /// <param name="penalty">π, the price at non-compliance.</param>
    /// <param name="initialState">Z_0 = Φ⁻¹(A_0/π) (with v(0,T) = 1).</param>
    /// <param name="increment">c_k = √(v(t_k) − v(t_{k+1})), the standard deviation of each step of Z.</param>
    /// <param name="inverseScale">w_k = 1/√v(t_{k+1}); +∞ at the compliance date.</param>
    /// <param name="initialPrice">A_0: the exact mean of the price at every step (martingale).</param>
    public CompliancePenaltyStepper(double penalty, double initialState, double[] increment, double[] inverseScale, double initialPrice)
    {
        _penalty = penalty;
        _initialState = initialState;
        _increment = increment;
        _inverseScale = inverseScale;
        _expectedPrice = new double[increment.Length];
        Array.Fill(_expectedPrice, initialPrice);
    }

    public RandomDemand Demand => new(1, 0, 0);

    public ReadOnlySpan<double> ExpectedPrices => _expectedPrice;

    public void Initialize(Span<double> state) => state.Fill(_initialState);

    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        Simd.SimdMath.MultiplyAdd(randoms.Brownian[..state.Length], _increment[step], state, state);
        double scale = _inverseScale[step];
        if (double.IsPositiveInfinity(scale))
        {
            // At T the conditional probability of non-compliance is 0 or 1 (Z = 0 has probability zero).
            for (int i = 0; i < state.Length; i++) price[i] = state[i] > 0 ? _penalty : 0;
            return;
        }
        // No vectorised normal CDF in TensorPrimitives: a scalar erfc per path, allocation-free.
        for (int i = 0; i < state.Length; i++) price[i] = _penalty * NormalDistribution.Cdf(state[i] * scale);
    }
}

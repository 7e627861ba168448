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

    public RandomDemand Demand => new(1, 0);

    public ReadOnlySpan<double> ExpectedPrices => _expectedPrice;

    public void Initialize(Span<double> state) => state.Fill(_initialState);

    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        var kernel = new ComplianceStep
        {
            State = state, Price = price, Normals = randoms.Brownian, Increment = _increment[step], InverseScale = _inverseScale[step], Penalty = _penalty,
        };
        Simd.SimdLoop.Run(ref kernel, state.Length);
    }

    /// <summary>Z' = Z + c·z, price π·Φ(Z'·w); at T (w = +∞) the digital π·1{Z' &gt; 0}: the conditional probability
    /// of non-compliance is then 0 or 1 (Z = 0 has probability zero).</summary>
    private ref struct ComplianceStep : Simd.ISimdKernel
    {
        public Span<double> State, Price;
        public ReadOnlySpan<double> Normals;
        public double Increment, InverseScale, Penalty;

        public int Execute<TVec>(int start, int length) where TVec : struct, Simd.ISimdDouble<TVec>
        {
            var increment = TVec.Broadcast(Increment);
            var scale = TVec.Broadcast(InverseScale);
            var penalty = TVec.Broadcast(Penalty);
            var zero = TVec.Broadcast(0);
            bool atCompliance = double.IsPositiveInfinity(InverseScale);
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var z = TVec.MultiplyAdd(TVec.Load(Normals, i), increment, TVec.Load(State, i));
                z.Store(State, i);
                var value = atCompliance ? TVec.WhereGreater(z, zero, penalty, zero) : penalty * Simd.NormalCdf.Cdf(z * scale);
                value.Store(Price, i);
            }
            return i;
        }
    }
}

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// A futures price under Markov-switching volatility: per sub-step of h years (at most one period of the chain) the
/// log price moves by −½σ_s²h + σ_s√h·z in the current regime s, exactly (so E[F] = F₀ at every step), then the regime
/// moves by the sub-step's transition matrix, drawn from one uniform. Today's regime is drawn from the initial
/// probabilities with one more uniform at the first step. State: ln F in row 0, the regime (as a number) in row 1.
/// </summary>
internal sealed class RegimeSwitchingStepper : IPathStepper
{
    private readonly double _initialLogPrice;
    private readonly double[] _initialCumulative;
    private readonly int[] _subSteps;
    private readonly double[][] _drift, _diffusion;      // per grid step, per regime
    private readonly double[][] _cumulative;             // per grid step: the cumulative transition rows, regime-major (K × K)
    private readonly double[] _expectedPrice;

    /// <param name="initialPrice">F₀.</param>
    /// <param name="volatilities">σ_k per year.</param>
    /// <param name="initialProbabilities">Today's regime probabilities.</param>
    /// <param name="transitionOver">The transition matrix over a fraction of a period (≤ 1).</param>
    /// <param name="periodsPerYear">Periods per year of the chain.</param>
    /// <param name="stepLengths">The grid's step lengths, years.</param>
    public RegimeSwitchingStepper(double initialPrice, double[] volatilities, double[] initialProbabilities, Func<double, double[][]> transitionOver,
        double periodsPerYear, ReadOnlySpan<double> stepLengths)
    {
        _initialLogPrice = Math.Log(initialPrice);
        _initialCumulative = Cumulative(initialProbabilities);
        int n = stepLengths.Length, k = volatilities.Length;
        _subSteps = new int[n];
        _drift = new double[n][];
        _diffusion = new double[n][];
        _cumulative = new double[n][];
        _expectedPrice = new double[n];
        Array.Fill(_expectedPrice, initialPrice);
        for (int s = 0; s < n; s++)
        {
            int m = SubSteps(stepLengths[s], periodsPerYear);
            double h = stepLengths[s] / m;
            _subSteps[s] = m;
            _drift[s] = [.. volatilities.Select(v => -0.5 * v * v * h)];
            _diffusion[s] = [.. volatilities.Select(v => v * Math.Sqrt(h))];
            _cumulative[s] = [.. transitionOver(h * periodsPerYear).SelectMany(Cumulative)];
        }
        int most = n == 0 ? 1 : _subSteps.Max();
        Demand = new RandomDemand(most, most + 1);
    }

    /// <summary>Sub-steps of a step of <paramref name="length"/> years: enough that none is longer than one period.</summary>
    public static int SubSteps(double length, double periodsPerYear) => Math.Max(1, (int)Math.Ceiling(length * periodsPerYear - 1e-9));

    public RandomDemand Demand { get; }

    public int StateRows => 2;

    public ReadOnlySpan<double> ExpectedPrices => _expectedPrice;

    public void Initialize(Span<double> state)
    {
        int n = state.Length / 2;
        state[..n].Fill(_initialLogPrice);
        state[n..].Fill(0); // drawn from the initial probabilities at the first step
    }

    public void Step(int step, Span<double> state, Span<double> price, in StepRandoms randoms)
    {
        int n = price.Length, m = _subSteps[step];
        var logPrice = state[..n];
        var regime = state[n..(2 * n)];
        if (step == 0)
        {
            var startUniforms = randoms.Uniforms.Slice((Demand.Uniforms - 1) * n, n);
            for (int i = 0; i < n; i++) regime[i] = Draw(_initialCumulative, startUniforms[i]);
        }
        for (int j = 0; j < m; j++)
        {
            var kernel = new RegimeStep
            {
                LogPrice = logPrice, Regime = regime, Normals = randoms.Brownian.Slice(j * n, n), Uniforms = randoms.Uniforms.Slice(j * n, n),
                Drift = _drift[step], Diffusion = _diffusion[step], Cumulative = _cumulative[step],
            };
            Simd.SimdLoop.Run(ref kernel, n);
        }
        Simd.SimdMath.Exp(logPrice, price);
    }

    /// <summary>
    /// One sub-step on whole vectors: each path's regime picks its drift, diffusion and transition row by a gather,
    /// the log price moves, then the new regime is the number of the row's cumulative probabilities below the uniform.
    /// </summary>
    private ref struct RegimeStep : Simd.ISimdKernel
    {
        public Span<double> LogPrice, Regime;
        public ReadOnlySpan<double> Normals, Uniforms, Drift, Diffusion, Cumulative;

        public int Execute<TVec>(int start, int length) where TVec : struct, Simd.ISimdDouble<TVec>
        {
            int regimes = Drift.Length;
            var width = TVec.Broadcast(regimes);
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var s = TVec.Load(Regime, i);
                var x = TVec.Load(LogPrice, i) + (TVec.Gather(Drift, s) + TVec.Gather(Diffusion, s) * TVec.Load(Normals, i));
                x.Store(LogPrice, i);
                var u = TVec.Load(Uniforms, i);
                var row = s * width;
                var next = TVec.Broadcast(0);
                for (int k = 0; k < regimes - 1; k++)
                    next += TVec.OneWhereGreater(u, TVec.Gather(Cumulative, row + TVec.Broadcast(k)));
                next.Store(Regime, i);
            }
            return i;
        }
    }

    private static int Draw(double[] cumulative, double uniform)
    {
        int k = 0;
        while (k < cumulative.Length - 1 && uniform > cumulative[k]) k++;
        return k;
    }

    private static double[] Cumulative(double[] probabilities)
    {
        var c = new double[probabilities.Length];
        double sum = 0;
        for (int i = 0; i < c.Length; i++) c[i] = sum += probabilities[i];
        c[^1] = 1;
        return c;
    }
}

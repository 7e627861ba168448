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
    private readonly double[][][] _cumulative;           // per grid step, per regime: cumulative transition row
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
        _cumulative = new double[n][][];
        _expectedPrice = new double[n];
        Array.Fill(_expectedPrice, initialPrice);
        for (int s = 0; s < n; s++)
        {
            int m = SubSteps(stepLengths[s], periodsPerYear);
            double h = stepLengths[s] / m;
            _subSteps[s] = m;
            _drift[s] = [.. volatilities.Select(v => -0.5 * v * v * h)];
            _diffusion[s] = [.. volatilities.Select(v => v * Math.Sqrt(h))];
            _cumulative[s] = [.. transitionOver(h * periodsPerYear).Select(Cumulative)];
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
        double[] drift = _drift[step], diffusion = _diffusion[step];
        double[][] cumulative = _cumulative[step];
        for (int j = 0; j < m; j++)
        {
            var normals = randoms.Brownian.Slice(j * n, n);
            var uniforms = randoms.Uniforms.Slice(j * n, n);
            for (int i = 0; i < n; i++)
            {
                int s = (int)regime[i];
                logPrice[i] += drift[s] + diffusion[s] * normals[i];
                regime[i] = Draw(cumulative[s], uniforms[i]);
            }
        }
        for (int i = 0; i < n; i++) price[i] = Math.Exp(logPrice[i]);
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

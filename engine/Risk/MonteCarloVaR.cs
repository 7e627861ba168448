using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Scheduling;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Monte Carlo value at risk and expected shortfall over a horizon (<see cref="VarSettings"/>):
/// correlated log-normal moves of every underlying (Cholesky factor of the correlation matrix, MathNet),
/// each scenario revalued in full with the positions' closed forms or by the delta-gamma expansion. Scenarios are
/// a block job (<see cref="VarScenarioJob"/>) on the one scheduler: the same bits for any number of threads, and
/// for any cut of the scenarios into ranges.
/// </summary>
public static class MonteCarloVaR
{
    /// <summary>Computes VaR and ES at each confidence of <paramref name="settings"/>.</summary>
    /// <param name="portfolio">Positions; those that fail to resolve, or have no closed form, are listed in <see cref="VarResult.Errors"/>.</param>
    /// <param name="market">Base market.</param>
    /// <param name="fx">FX rates into the reporting currency (held fixed).</param>
    /// <param name="settings">Horizon, confidences, scenarios, seed, vols, correlations, method.</param>
    /// <param name="riskSettings">The dynamics per underlying (Merton's series for an underlying with jumps, ...).</param>
    /// <param name="progress">Optional fraction of scenario blocks done.</param>
    /// <param name="cancellation">Checked every block.</param>
    /// <exception cref="InvalidInputException">Invalid settings; "volatilities[CODE]" when an underlying has neither a
    /// vol in the settings nor a vol surface; "correlations" when the matrix is not positive definite.</exception>
    public static VarResult Compute(Portfolio portfolio, MarketSnapshot market, FxRates fx, VarSettings settings,
        RiskSettings? riskSettings = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var job = Prepare(portfolio, market, fx, settings, riskSettings);
        long blocks = job.Layout.BlockCount, done = 0;
        var pnl = BlockScheduler.RunAll(job, settings.MaxDegreeOfParallelism, () => progress?.Report((double)Interlocked.Increment(ref done) / blocks),
            cancellation)[0];
        return job.Result(pnl);
    }

    /// <summary>The scenario job, checked and ready to run: its blocks may run anywhere, in any cut (<see cref="Compute"/> runs them all here).</summary>
    public static VarScenarioJob Prepare(Portfolio portfolio, MarketSnapshot market, FxRates fx, VarSettings settings, RiskSettings? riskSettings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var revaluation = new PortfolioRevaluation(portfolio, market, fx, riskSettings);
        var codes = revaluation.Underlyings;
        double horizon = settings.HorizonDays / 252.0;
        var stdDev = codes.Select(c => Volatility(c, market, settings, horizon) * Math.Sqrt(horizon)).ToArray();
        bool byTenor = settings.ByTenor;
        var deltaGamma = settings.Method == VarMethod.DeltaGamma ? DeltaGammaExpansion.Of(revaluation, horizon, byTenor) : null;
        if (!byTenor)
            return new VarScenarioJob(revaluation, stdDev, Cholesky(codes, settings.Correlations), deltaGamma, settings, horizon, byTenor: false);
        var tenors = revaluation.Tenors;
        var under = revaluation.TenorUnderlying;
        var years = tenors.Select(t => market.TimeTo(t.Delivery)).ToArray();
        var history = tenors.Select(t => settings.CurveHistory.TryGetValue(t.ToString(), out var s) ? s : default).ToArray();
        var matrix = Matrix<double>.Build.Dense(tenors.Length, tenors.Length, (i, j) =>
            under[i] != under[j] ? settings.Correlations.Between(codes[under[i]], codes[under[j]])
            : i == j ? 1
            : !history[i].IsDefault && !history[j].IsDefault ? MathNet.Numerics.Statistics.Correlation.Pearson(history[i], history[j])
            : Products.TermStructureCorrelation.Exponential(settings.CurveDecay.GetValueOrDefault(codes[under[i]]), years[i], years[j]));
        return new VarScenarioJob(revaluation, [.. under.Select(u => stdDev[u])], SquareRoot(matrix, codes), deltaGamma, settings, horizon, byTenor: true);
    }

    /// <summary>
    /// A square root R·Rᵀ = C of the tenors' correlation matrix from its eigen-decomposition (the curve's principal
    /// components, R = V·√Λ): unlike Cholesky it takes the rank-deficient matrix of deliveries that move together.
    /// </summary>
    private static double[,] SquareRoot(Matrix<double> correlation, IReadOnlyList<string> codes)
    {
        var evd = correlation.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        if (values.Min() < -1e-10)
            throw new InvalidInputException("correlations",
                $"the correlation matrix of the deliveries of {string.Join(", ", codes)} is not positive semi-definite (eigenvalue {values.Min():G3})");
        var root = evd.EigenVectors * Matrix<double>.Build.DenseOfDiagonalArray(values.Select(v => Math.Sqrt(Math.Max(v, 0))).ToArray());
        return root.ToArray();
    }

    private static double Volatility(string code, MarketSnapshot market, VarSettings settings, double horizon)
    {
        if (settings.Volatilities.TryGetValue(code, out double vol)) return vol;
        if (!market.VolSurfaces.TryGetValue(code, out var surface))
            Guard.Fail($"volatilities[{code}]", "no volatility given and no vol surface for this underlying in the market snapshot");
        return surface.Volatility(horizon, market.FuturesCurveFor(code).Prices[0]);
    }

    private static double[,] Cholesky(IReadOnlyList<string> codes, Correlations correlations)
    {
        int n = codes.Count;
        var matrix = Matrix<double>.Build.Dense(n, n, (i, j) => correlations.Between(codes[i], codes[j]));
        try
        {
            return matrix.Cholesky().Factor.ToArray();
        }
        catch (ArgumentException)
        {
            throw new InvalidInputException("correlations",
                $"the correlation matrix of {string.Join(", ", codes)} is not positive definite");
        }
    }
}

/// <summary>
/// The scenarios of a Monte Carlo VaR as a block job: block b holds scenarios [1024·b, 1024·(b + 1)), drawn from the
/// block stream keyed by (seed, b); its result is their P&amp;L, and blocks concatenate in order.
/// </summary>
public sealed class VarScenarioJob : IBlockJob<double[]>
{
    private const int Block = SimulationPlan.BlockSize;
    private const ulong StreamTag = 0x5641_525F_4D43UL; // "VAR_MC"

    private readonly PortfolioRevaluation _revaluation;
    private readonly double[] _stdDev;
    private readonly double[,] _cholesky;
    private readonly DeltaGammaExpansion? _deltaGamma;
    private readonly VarSettings _settings;
    private readonly double _horizon;
    private readonly bool _byTenor;

    internal VarScenarioJob(PortfolioRevaluation revaluation, double[] stdDev, double[,] cholesky, DeltaGammaExpansion? deltaGamma,
        VarSettings settings, double horizon, bool byTenor)
    {
        _byTenor = byTenor;
        _revaluation = revaluation;
        _stdDev = stdDev;
        _cholesky = cholesky;
        _deltaGamma = deltaGamma;
        _settings = settings;
        _horizon = horizon;
    }

    public BlockLayout Layout => BlockLayout.Single((_settings.Scenarios + Block - 1) / Block);

    public IBlockWorker<double[]> CreateWorker() => new Worker(this);

    public double[] Merge(double[] earlier, double[] later) => [.. earlier, .. later];

    /// <summary>VaR and ES of the scenarios' P&amp;L.</summary>
    public VarResult Result(double[] pnl) => new(_settings.HorizonDays, _settings.Method, pnl.Length,
        LossQuantiles.Figures(pnl, _settings.Confidences), pnl.Average(), _revaluation.Errors);

    private sealed class Worker(VarScenarioJob job) : IBlockWorker<double[]>
    {
        private readonly BlockRandomStream _stream = new();
        private readonly double[] _normals = new double[job._stdDev.Length * Block];
        private readonly double[] _factors = new double[job._stdDev.Length];
        private readonly double[] _zeros = new double[job._revaluation.Underlyings.Length];

        public double[] Run(long block, CancellationToken cancellation)
        {
            int n = job._stdDev.Length;
            _stream.Reset(job._settings.Seed, block, StreamTag);
            _stream.FillNormals(_normals);
            var pnl = new double[(int)Math.Min(Block, job._settings.Scenarios - block * Block)];
            for (int s = 0; s < pnl.Length; s++)
            {
                for (int u = 0; u < n; u++)
                {
                    double z = 0;
                    // Cholesky factors are lower triangular; a curve's eigen root is full.
                    for (int v = 0; v < (job._byTenor ? n : u + 1); v++) z += job._cholesky[u, v] * _normals[v * Block + s];
                    _factors[u] = Math.Exp(job._stdDev[u] * z - 0.5 * job._stdDev[u] * job._stdDev[u]);
                }
                pnl[s] = job._deltaGamma is { } dg ? dg.ProfitAndLoss(_factors)
                    : job._byTenor ? job._revaluation.ProfitAndLossByTenor(_factors, _zeros, job._horizon)
                    : job._revaluation.ProfitAndLoss(_factors, _zeros, job._horizon);
            }
            return pnl;
        }
    }
}

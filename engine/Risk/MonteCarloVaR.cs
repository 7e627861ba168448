using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.LinearAlgebra;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Monte Carlo value at risk and expected shortfall over a horizon (<see cref="VarSettings"/>):
/// correlated log-normal moves of every underlying (Cholesky factor of the correlation matrix, MathNet),
/// each scenario revalued in full with the closed forms or by the delta-gamma expansion. Scenarios are
/// drawn in blocks of 1,024 from <see cref="BlockRandomStream"/> keyed by (seed, block): the same bits
/// for any number of threads.
/// </summary>
public static class MonteCarloVaR
{
    private const int Block = SimulationPlan.BlockSize;
    private const ulong StreamTag = 0x5641_525F_4D43UL; // "VAR_MC"

    /// <summary>Computes VaR and ES at each confidence of <paramref name="settings"/>.</summary>
    /// <param name="portfolio">Positions; those that fail to resolve are listed in <see cref="VarResult.Errors"/>.</param>
    /// <param name="market">Base market.</param>
    /// <param name="fx">FX rates into the reporting currency (held fixed).</param>
    /// <param name="settings">Horizon, confidences, scenarios, seed, vols, correlations, method.</param>
    /// <param name="riskSettings">Only <see cref="RiskSettings.Jumps"/> is used: Merton revaluation for those underlyings.</param>
    /// <param name="progress">Optional fraction of scenario blocks done.</param>
    /// <param name="cancellation">Checked every block.</param>
    /// <exception cref="InvalidInputException">Invalid settings; "var.volatilities[CODE]" when an underlying has neither a
    /// vol in the settings nor a vol surface; "var.correlations" when the matrix is not positive definite.</exception>
    public static VarResult Compute(Portfolio portfolio, MarketSnapshot market, FxRates fx, VarSettings settings,
        RiskSettings? riskSettings = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var revaluation = new PortfolioRevaluation(portfolio, market, fx, riskSettings);
        var codes = revaluation.Underlyings;
        int n = codes.Length;
        double horizon = settings.HorizonDays / 252.0;
        var stdDev = codes.Select(c => Volatility(c, market, settings, horizon) * Math.Sqrt(horizon)).ToArray();
        var cholesky = Cholesky(codes, settings.Correlations);
        var deltaGamma = settings.Method == VarMethod.DeltaGamma ? DeltaGammaCoefficients(revaluation, horizon) : null;

        var pnl = new double[settings.Scenarios];
        long blocks = (pnl.Length + Block - 1) / Block, next = -1, done = 0;
        int workers = (int)Math.Min(settings.MaxDegreeOfParallelism ?? Environment.ProcessorCount, blocks);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation }, _ =>
        {
            var stream = new BlockRandomStream();
            var normals = new double[n * Block];
            var factors = new double[n];
            var zeros = new double[n];
            for (long b = Interlocked.Increment(ref next); b < blocks; b = Interlocked.Increment(ref next))
            {
                cancellation.ThrowIfCancellationRequested();
                stream.Reset(settings.Seed, b, StreamTag);
                stream.FillNormals(normals);
                int count = (int)Math.Min(Block, pnl.Length - b * Block);
                for (int s = 0; s < count; s++)
                {
                    for (int u = 0; u < n; u++)
                    {
                        double z = 0;
                        for (int v = 0; v <= u; v++) z += cholesky[u, v] * normals[v * Block + s];
                        factors[u] = Math.Exp(stdDev[u] * z - 0.5 * stdDev[u] * stdDev[u]);
                    }
                    pnl[b * Block + s] = deltaGamma is { } dg ? dg.ProfitAndLoss(factors) : revaluation.ProfitAndLoss(factors, zeros, horizon);
                }
                progress?.Report((double)Interlocked.Increment(ref done) / blocks);
            }
        });

        return new VarResult(settings.HorizonDays, settings.Method, pnl.Length,
            LossQuantiles.Figures(pnl, settings.Confidences), pnl.Average(), revaluation.Errors);
    }

    private static double Volatility(string code, MarketSnapshot market, VarSettings settings, double horizon)
    {
        if (settings.Volatilities.TryGetValue(code, out double vol)) return vol;
        if (!market.VolSurfaces.TryGetValue(code, out var surface))
            Guard.Fail($"var.volatilities[{code}]", "no volatility given and no vol surface for this underlying in the market snapshot");
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
            throw new InvalidInputException("var.correlations",
                $"the correlation matrix of {string.Join(", ", codes)} is not positive definite");
        }
    }

    /// <summary>Per underlying u: P&amp;L ≈ Σ_u A_u·(m_u − 1) + B_u·(m_u − 1)² + C with A = Σ fx·Δ·F, B = ½Σ fx·Γ·F², C = Σ fx·Θ·h.</summary>
    private static DeltaGamma DeltaGammaCoefficients(PortfolioRevaluation revaluation, double horizon)
    {
        int n = revaluation.Underlyings.Length;
        var linear = new double[n];
        var quadratic = new double[n];
        double carry = 0;
        for (int i = 0; i < revaluation.Positions.Count; i++)
        {
            var p = revaluation.Positions[i];
            var greeks = PortfolioRiskEngine.Analytic(p);
            int u = revaluation.UnderlyingOf[i];
            linear[u] += p.Fx * greeks.Delta.Value * p.Forward;
            quadratic[u] += 0.5 * p.Fx * greeks.Gamma.Value * p.Forward * p.Forward;
            carry += p.Fx * greeks.Theta.Value * horizon;
        }
        return new DeltaGamma(linear, quadratic, carry);
    }

    private sealed record DeltaGamma(double[] Linear, double[] Quadratic, double Carry)
    {
        public double ProfitAndLoss(ReadOnlySpan<double> factors)
        {
            double pnl = Carry;
            for (int u = 0; u < factors.Length; u++)
            {
                double move = factors[u] - 1;
                pnl += Linear[u] * move + Quadratic[u] * move * move;
            }
            return pnl;
        }
    }
}

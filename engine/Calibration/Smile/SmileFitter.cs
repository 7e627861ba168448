using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>
/// Fits a SABR or raw-SVI smile to one expiry's quotes: least squares in Black vol, each residual weighted by the quote's
/// Black vega relative to the largest (so wing quotes, which carry little premium, count less), by MathNet's bounded
/// Levenberg–Marquardt from several starting points, keeping the best. A <see cref="SmileConstraint"/> adds penalty
/// residuals that push the fit out of arbitrage.
/// </summary>
public static class SmileFitter
{
    private static readonly ImmutableArray<string> SabrNames = ["alpha", "beta", "rho", "nu"];
    private static readonly ImmutableArray<string> SviNames = ["a", "b", "rho", "m", "sigma"];

    /// <summary>Fits SABR; β fixed at <paramref name="beta"/>, or fitted in [0, 1] when null.</summary>
    /// <exception cref="Validation.InvalidInputException">A quote field (see <see cref="ExpiryQuotes.ImpliedVolatilities"/>) or "beta".</exception>
    public static SmileFit FitSabr(ExpiryQuotes quotes, double? beta = 1.0, SabrExpansion expansion = SabrExpansion.Hagan2002,
        SmileConstraint? constraint = null)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        if (beta is { } b) Validation.Guard.InRange(b, 0, 1, "beta");
        var data = Data.From(quotes);
        double t = quotes.Expiry, f = quotes.Forward;
        // Fitted vector: [α / (σ_ATM·F^(β−1)), ρ, ν(, β)] — α scaled by its ATM estimate so every coordinate is of order one.
        bool fitBeta = beta is null;
        double AlphaScale(double betaValue) => data.AtmVolatility * Math.Pow(f, 1 - betaValue);
        SmileSlice? Build(Vector<double> x)
        {
            double betaValue = fitBeta ? x[3] : beta!.Value;
            if (!(x[0] > 0 && Math.Abs(x[1]) < 1 && x[2] >= 0 && betaValue is >= 0 and <= 1)) return null;
            return new SabrSlice(t, f, new SabrParameters(x[0] * AlphaScale(betaValue), betaValue, x[1], x[2]), expansion);
        }
        double[] lower = fitBeta ? [0.05, -0.999, 1e-4, 0] : [0.05, -0.999, 1e-4];
        double[] upper = fitBeta ? [5, 0.999, 10, 1] : [5, 0.999, 10];
        var starts = new List<double[]>();
        foreach (double rho in new[] { -0.5, 0.0, 0.5 })
            foreach (double nu in new[] { 0.3, 1.0, 2.5 })
                starts.Add(fitBeta ? [1, rho, nu, 0.5] : [1, rho, nu]);
        var (slice, condition) = Minimise(data, Build, lower, upper, starts, constraint);
        var p = ((SabrSlice)slice).Parameters;
        return Report(data, slice, SabrNames, [p.Alpha, p.Beta, p.Rho, p.Nu], condition);
    }

    /// <summary>Fits raw SVI.</summary>
    /// <exception cref="Validation.InvalidInputException">A quote field (see <see cref="ExpiryQuotes.ImpliedVolatilities"/>).</exception>
    public static SmileFit FitSvi(ExpiryQuotes quotes, SmileConstraint? constraint = null)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var data = Data.From(quotes);
        double t = quotes.Expiry, f = quotes.Forward;
        double wMax = data.Vols.Max(v => v * v) * t, kMin = data.LogMoneyness.Min(), kMax = data.LogMoneyness.Max();
        // Fitted vector: [minimum variance a + bσ√(1−ρ²), b, ρ, m, σ]: the first coordinate >= 0 keeps w positive everywhere.
        SmileSlice? Build(Vector<double> x)
        {
            double a = x[0] - x[1] * x[4] * Math.Sqrt(1 - x[2] * x[2]);
            if (!(x[0] >= 0 && x[1] >= 0 && Math.Abs(x[2]) < 1 && x[4] > 0)) return null;
            return new SviSlice(t, f, new SviParameters(a, x[1], x[2], x[3], x[4]));
        }
        double span = Math.Max(kMax - kMin, 0.05);
        double[] lower = [0, 1e-6, -0.999, kMin - span, 1e-3];
        double[] upper = [2 * wMax, 4, 0.999, kMax + span, 4];
        double wAtm = data.AtmVolatility * data.AtmVolatility * t;
        var starts = new List<double[]>();
        foreach (double rho in new[] { -0.6, 0.0, 0.6 })
            foreach (double m in new[] { 0.0, 0.5 * (kMin + kMax) })
                foreach (double sigma in new[] { 0.1, 0.4 })
                    starts.Add([0.8 * wAtm, Math.Max(0.2 * wAtm, 0.01), rho, m, sigma]);
        var (slice, condition) = Minimise(data, Build, lower, upper, starts, constraint);
        var p = ((SviSlice)slice).Parameters;
        return Report(data, slice, SviNames, [p.A, p.B, p.Rho, p.M, p.Sigma], condition);
    }

    /// <summary>The quotes as vols, their log-moneyness and square-root vega weights.</summary>
    private sealed record Data(double[] Strikes, double[] Vols, double[] LogMoneyness, double[] SqrtWeights, double AtmVolatility)
    {
        public static Data From(ExpiryQuotes quotes)
        {
            var vols = quotes.ImpliedVolatilities();
            double f = quotes.Forward, t = quotes.Expiry;
            var strikes = vols.Select(v => v.Strike).ToArray();
            var sigma = vols.Select(v => v.Volatility).ToArray();
            var k = strikes.Select(s => Math.Log(s / f)).ToArray();
            // Black vega ∝ φ(d₁): the weight of a residual in vol.
            var vega = k.Select((x, i) => NormalDistribution.Density(-x / (sigma[i] * Math.Sqrt(t)) + 0.5 * sigma[i] * Math.Sqrt(t))).ToArray();
            double maxVega = vega.Max();
            var weights = vega.Select(v => Math.Sqrt(v / maxVega)).ToArray();
            return new Data(strikes, sigma, k, weights, AtmAt(strikes, sigma, f));
        }

        /// <summary>The quoted vol at the forward, linear in strike between quotes and flat outside.</summary>
        private static double AtmAt(double[] strikes, double[] vols, double forward)
        {
            if (forward <= strikes[0]) return vols[0];
            if (forward >= strikes[^1]) return vols[^1];
            int i = 0;
            while (strikes[i + 1] < forward) i++;
            double w = (forward - strikes[i]) / (strikes[i + 1] - strikes[i]);
            return vols[i] + w * (vols[i + 1] - vols[i]);
        }
    }

    private static (SmileSlice Slice, double Condition) Minimise(Data data, Func<Vector<double>, SmileSlice?> build,
        double[] lower, double[] upper, IEnumerable<double[]> starts, SmileConstraint? constraint)
    {
        int n = data.Vols.Length, penalties = constraint is null ? 0 : 2 * SmileConstraint.Points;
        Vector<double> Residuals(Vector<double> x, Vector<double> _)
        {
            var r = Vector<double>.Build.Dense(n + penalties);
            var slice = build(x);
            if (slice is null) { r.Clear(); r.Add(10.0, r); return r; }
            for (int i = 0; i < n; i++) r[i] = data.SqrtWeights[i] * (slice.Volatility(data.Strikes[i]) - data.Vols[i]);
            if (constraint is not null)
            {
                Span<double> p = stackalloc double[penalties];
                constraint.Penalties(slice, p);
                for (int i = 0; i < penalties; i++) r[n + i] = p[i];
            }
            for (int i = 0; i < r.Count; i++) if (!double.IsFinite(r[i])) r[i] = 10;
            return r;
        }
        var index = Vector<double>.Build.Dense(n + penalties, i => i);
        var zeros = Vector<double>.Build.Dense(n + penalties);
        var minimizer = new LevenbergMarquardtMinimizer(initialMu: 1e-3, gradientTolerance: 1e-14, stepTolerance: 1e-14,
            functionTolerance: 1e-16, maximumIterations: 400);
        Vector<double>? best = null;
        double bestCost = double.PositiveInfinity;
        foreach (var start in starts)
        {
            var objective = ObjectiveFunction.NonlinearModel(Residuals, index, zeros, accuracyOrder: 2);
            var lb = Vector<double>.Build.DenseOfArray(lower);
            var ub = Vector<double>.Build.DenseOfArray(upper);
            NonlinearMinimizationResult result;
            try
            {
                result = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(start), lb, ub);
            }
            catch (Exception e) when (e is MaximumIterationsException or MathNet.Numerics.NonConvergenceException or ArgumentException)
            {
                continue; // another start may converge
            }
            double cost = Residuals(result.MinimizingPoint, index).L2Norm();
            if (build(result.MinimizingPoint) is not null && cost < bestCost) { bestCost = cost; best = result.MinimizingPoint; }
        }
        if (best is null) Validation.Guard.Fail("quotes", "no smile of the model fits these quotes (no start of the fit converged)");
        return (build(best!)!, ConditionNumber(x => Residuals(x, index).SubVector(0, n), best!));
    }

    /// <summary>cond(JᵀJ) of the weighted vol residuals, J by central differences.</summary>
    private static double ConditionNumber(Func<Vector<double>, Vector<double>> residuals, Vector<double> x)
    {
        int n = residuals(x).Count;
        var jacobian = Matrix<double>.Build.Dense(n, x.Count);
        for (int j = 0; j < x.Count; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            var up = x.Clone(); up[j] += h;
            var down = x.Clone(); down[j] -= h;
            jacobian.SetColumn(j, (residuals(up) - residuals(down)) / (2 * h));
        }
        return (jacobian.TransposeThisAndMultiply(jacobian)).ConditionNumber();
    }

    private static SmileFit Report(Data data, SmileSlice slice, ImmutableArray<string> names, double[] parameters, double condition)
    {
        var residuals = data.Strikes.Select((k, i) => 100 * (slice.Volatility(k) - data.Vols[i])).ToImmutableArray();
        double rms = Math.Sqrt(residuals.Average(r => r * r));
        return new SmileFit(slice, names, [.. parameters], rms, residuals.Max(Math.Abs), condition, residuals);
    }
}

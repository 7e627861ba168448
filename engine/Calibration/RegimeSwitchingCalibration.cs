using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// Maximum-likelihood fit of a K-state Markov-switching model (<see cref="RegimeSwitchingParameters"/>) to log returns,
/// the likelihood by <see cref="HamiltonFilter"/>. Nelder–Mead (MathNet) over unconstrained coordinates (μ_k, ln σ_k,
/// and per row the logits of the off-diagonal transition probabilities against the diagonal), restarted until it stops
/// improving; regimes ordered by volatility; standard errors from the observed information in the natural parameters
/// (μ_k, σ_k, P[i][j] for j ≠ i); today's regime probabilities are the filter's after the last return.
/// </summary>
public static class RegimeSwitchingCalibration
{
    /// <summary>Fewest returns a fit accepts.</summary>
    public const int MinReturns = 250;

    /// <summary>Most returns a fit accepts (two centuries of trading days): the filter runs over all of them per evaluation.</summary>
    public const int MaxReturns = 50_000;

    /// <param name="logReturns">ln(Pₖ₊₁/Pₖ), oldest first.</param>
    /// <param name="regimes">K, 1 to <see cref="RegimeSwitchingParameters.MaxRegimes"/>.</param>
    /// <param name="periodsPerYear">Periods per year of the returns (252: trading days).</param>
    /// <param name="cancellation">Stops the search (checked at every likelihood evaluation).</param>
    /// <exception cref="InvalidInputException">"logReturns" (too few, too many, constant), "logReturns[i]", "regimes", "periodsPerYear".</exception>
    public static RegimeSwitchingFit Fit(IReadOnlyList<double> logReturns, int regimes, double periodsPerYear = 252,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(logReturns);
        Guard.InRange(regimes, 1, RegimeSwitchingParameters.MaxRegimes, "regimes");
        Guard.InRange(periodsPerYear, 1, 100_000, "periodsPerYear");
        if (logReturns.Count < MinReturns) Guard.Fail("logReturns", $"needs at least {MinReturns} returns, got {logReturns.Count}");
        if (logReturns.Count > MaxReturns) Guard.Fail("logReturns", $"takes at most {MaxReturns} returns, got {logReturns.Count}");
        var r = new double[logReturns.Count];
        for (int i = 0; i < r.Length; i++) r[i] = Guard.Finite(logReturns[i], $"logReturns[{i}]");
        double dt = 1 / periodsPerYear, mean = r.Average(), sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1));
        if (sd == 0) Guard.Fail("logReturns", "are all equal: no volatility to fit");
        int k = regimes;

        double Negative(Vector<double> u)
        {
            cancellation.ThrowIfCancellationRequested();
            var (drifts, vols, transition) = Natural(u, k);
            return -HamiltonFilter.Run(r, drifts, vols, transition, periodsPerYear).LogLikelihood;
        }
        var point = Start(k, mean / dt, sd / Math.Sqrt(dt));
        var step = Vector<double>.Build.DenseOfEnumerable(
            Enumerable.Repeat(0.5 * sd / dt, k).Concat(Enumerable.Repeat(0.3, k)).Concat(Enumerable.Repeat(1.0, k * (k - 1))));
        point = RestartedNelderMead.Minimize(Negative, point, step, 1e-9, 20_000, 8, 1e-6);

        var (mu, sigma, p) = Natural(point, k);
        var order = Enumerable.Range(0, k).OrderBy(s => sigma[s]).ToArray();
        mu = [.. order.Select(s => mu[s])];
        sigma = [.. order.Select(s => sigma[s])];
        p = [.. order.Select(i => order.Select(j => p[i][j]).ToArray())];
        var (logLikelihood, filtered) = HamiltonFilter.Run(r, mu, sigma, p, periodsPerYear);
        var parameters = new RegimeSwitchingParameters(sigma, mu, p, periodsPerYear, Normalised(filtered));
        var errors = Errors(r, mu, sigma, p, periodsPerYear, sd, dt);
        return new RegimeSwitchingFit(parameters, logLikelihood, r.Length, errors.Drifts, errors.Volatilities, errors.Transition);
    }

    /// <summary>
    /// <see cref="Fit"/> on the log returns of a price history (oldest first); errors in the returns are named "prices", as
    /// the returns come from them.
    /// </summary>
    public static RegimeSwitchingFit FitPrices(IReadOnlyList<double> prices, int regimes, double periodsPerYear = 252,
        CancellationToken cancellation = default)
    {
        var returns = Market.PriceHistory.LogReturns(prices);
        try
        {
            return Fit(returns, regimes, periodsPerYear, cancellation);
        }
        catch (InvalidInputException e) when (e.Field.StartsWith("logReturns", StringComparison.Ordinal))
        {
            throw new InvalidInputException("prices", e.Reason);
        }
    }

    /// <summary>Volatilities spread around the sample's, drifts at its mean, each regime 98% persistent.</summary>
    private static Vector<double> Start(int k, double drift, double volatility)
    {
        double[] spread = k switch { 1 => [1], 2 => [0.7, 1.8], 3 => [0.6, 1.1, 2.5], 4 => [0.5, 0.8, 1.3, 2.8], _ => [0.4, 0.7, 1.0, 1.6, 3.0] };
        double logit = k == 1 ? 0 : Math.Log(0.02 / (k - 1) / 0.98);
        return Vector<double>.Build.DenseOfEnumerable(Enumerable.Repeat(drift, k).Concat(spread.Select(f => Math.Log(f * volatility)))
            .Concat(Enumerable.Repeat(logit, k * (k - 1))));
    }

    private static (double[] Drifts, double[] Volatilities, double[][] Transition) Natural(Vector<double> u, int k)
    {
        var drifts = new double[k];
        var vols = new double[k];
        var transition = new double[k][];
        for (int s = 0; s < k; s++) { drifts[s] = u[s]; vols[s] = Math.Exp(Math.Clamp(u[k + s], -20, 3)); }
        int next = 2 * k;
        for (int i = 0; i < k; i++)
        {
            transition[i] = new double[k];
            double total = 1;
            for (int j = 0; j < k; j++)
                if (j != i) total += transition[i][j] = Math.Exp(Math.Clamp(u[next++], -40, 40));
            transition[i][i] = 1;
            for (int j = 0; j < k; j++) transition[i][j] /= total;
        }
        return (drifts, vols, transition);
    }

    private static double[] Normalised(double[] probabilities)
    {
        double total = probabilities.Sum();
        return [.. probabilities.Select(x => x / total)];
    }

    /// <summary>Standard errors in the natural parameters (μ_k, σ_k, P[i][j], j ≠ i; a diagonal's from the others' covariance).</summary>
    private static (double[] Drifts, double[] Volatilities, double[][] Transition) Errors(double[] r, double[] mu, double[] sigma, double[][] p,
        double periodsPerYear, double sd, double dt)
    {
        int k = mu.Length;
        var offDiagonal = new List<(int I, int J)>();
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                if (i != j) offDiagonal.Add((i, j));
        double[][] TransitionOf(double[] theta)
        {
            var transition = new double[k][];
            for (int i = 0; i < k; i++) transition[i] = new double[k];
            for (int m = 0; m < offDiagonal.Count; m++) transition[offDiagonal[m].I][offDiagonal[m].J] = theta[2 * k + m];
            for (int i = 0; i < k; i++) transition[i][i] = 1 - transition[i].Sum();
            return transition;
        }
        double LogLikelihood(double[] theta)
        {
            var transition = TransitionOf(theta);
            if (transition.Any(row => row.Any(x => x < 0)) || theta.Skip(k).Take(k).Any(v => v <= 0)) return double.NegativeInfinity;
            return HamiltonFilter.Run(r, theta[..k], theta[k..(2 * k)], transition, periodsPerYear).LogLikelihood;
        }
        double[] optimum = [.. mu, .. sigma, .. offDiagonal.Select(e => p[e.I][e.J])];
        double[] steps = [.. mu.Select(_ => 0.002 * sd / dt), .. sigma.Select(v => 1e-3 * v),
            .. offDiagonal.Select(e => Math.Max(1e-8, Math.Min(1e-4, 0.25 * Math.Min(p[e.I][e.J], p[e.I][e.I]))))];
        var covariance = NumericalHessian.Covariance(LogLikelihood, optimum, steps);
        var errors = NumericalHessian.StandardErrors(covariance);
        var transitionErrors = new double[k][];
        for (int i = 0; i < k; i++)
        {
            transitionErrors[i] = new double[k];
            double diagonalVariance = 0;
            for (int a = 0; a < offDiagonal.Count; a++)
            {
                if (offDiagonal[a].I != i) continue;
                transitionErrors[i][offDiagonal[a].J] = errors[2 * k + a];
                for (int b = 0; b < offDiagonal.Count; b++)
                    if (offDiagonal[b].I == i) diagonalVariance += covariance[2 * k + a, 2 * k + b];
            }
            transitionErrors[i][i] = k == 1 ? 0 : Math.Sqrt(diagonalVariance);
        }
        return (errors[..k], errors[k..(2 * k)], transitionErrors);
    }
}

/// <summary>A maximum-likelihood Markov-switching fit.</summary>
/// <param name="Parameters">The fitted regimes (by rising volatility) and chain; initial probabilities = the filter's after the last return.</param>
/// <param name="LogLikelihood">Maximised log-likelihood.</param>
/// <param name="Observations">Returns used.</param>
/// <param name="DriftErrors">Standard error of each μ_k.</param>
/// <param name="VolatilityErrors">Standard error of each σ_k.</param>
/// <param name="TransitionErrors">Standard error of each P[i][j].</param>
public sealed record RegimeSwitchingFit(RegimeSwitchingParameters Parameters, double LogLikelihood, int Observations,
    double[] DriftErrors, double[] VolatilityErrors, double[][] TransitionErrors)
{
    /// <summary>Free parameters: K drifts, K vols, K(K − 1) transition probabilities.</summary>
    public int ParameterCount => Parameters.Regimes * (Parameters.Regimes + 1);

    /// <summary>Akaike: 2k − 2ℓ.</summary>
    public double Aic => 2 * ParameterCount - 2 * LogLikelihood;

    /// <summary>Schwarz: k·ln n − 2ℓ.</summary>
    public double Bic => ParameterCount * Math.Log(Observations) - 2 * LogLikelihood;
}

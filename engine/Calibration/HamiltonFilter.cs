using CarbonDerivatives.Engine.Models;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// Hamilton's (1989) filter for a Markov-switching model of log returns (<see cref="RegimeSwitchingParameters"/>): the
/// predicted regime probabilities ξ_{t|t−1} = Pᵀξ_{t−1|t−1}, updated by each return's density in each regime; the
/// log-likelihood is Σ_t ln Σ_k ξ_{t|t−1,k}·φ_k(r_t). Started from the chain's stationary distribution.
/// </summary>
public static class HamiltonFilter
{
    /// <summary>The log-likelihood of <paramref name="logReturns"/> and the filtered probabilities after the last return.</summary>
    public static (double LogLikelihood, double[] Filtered) Run(IReadOnlyList<double> logReturns, RegimeSwitchingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(logReturns);
        ArgumentNullException.ThrowIfNull(parameters);
        return Run(logReturns, parameters.Drifts, parameters.Volatilities, parameters.Transition, parameters.PeriodsPerYear);
    }

    /// <summary>The same on raw arrays (the fitter's inner loop: no validation, no allocation per return).</summary>
    internal static (double LogLikelihood, double[] Filtered) Run(IReadOnlyList<double> r, double[] drifts, double[] volatilities,
        double[][] transition, double periodsPerYear)
    {
        int k = volatilities.Length;
        double dt = 1 / periodsPerYear;
        var mean = new double[k];
        var inverseSd = new double[k];
        var logNorm = new double[k];
        for (int s = 0; s < k; s++)
        {
            mean[s] = drifts[s] * dt;
            double sd = volatilities[s] * Math.Sqrt(dt);
            inverseSd[s] = 1 / sd;
            logNorm[s] = -Math.Log(sd) - 0.5 * Math.Log(2 * Math.PI);
        }
        var filtered = RegimeSwitchingParameters.StationaryDistribution(transition);
        var predicted = new double[k];
        var logDensity = new double[k];
        double logLikelihood = 0;
        for (int t = 0; t < r.Count; t++)
        {
            Array.Clear(predicted);
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) predicted[j] += filtered[i] * transition[i][j];
            // Densities relative to the largest: a return far in one regime's tail underflows no other regime.
            double top = double.NegativeInfinity;
            for (int s = 0; s < k; s++)
            {
                double z = (r[t] - mean[s]) * inverseSd[s];
                logDensity[s] = logNorm[s] - 0.5 * z * z;
                top = Math.Max(top, logDensity[s]);
            }
            double total = 0;
            for (int s = 0; s < k; s++) total += filtered[s] = predicted[s] * Math.Exp(logDensity[s] - top);
            if (!(total > 0)) return (double.NegativeInfinity, filtered);
            for (int s = 0; s < k; s++) filtered[s] /= total;
            logLikelihood += top + Math.Log(total);
        }
        return (logLikelihood, filtered);
    }
}

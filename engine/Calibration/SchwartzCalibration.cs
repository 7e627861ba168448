using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Calibration;

/// <summary>
/// Maximum-likelihood fit of Schwartz's one-factor mean reversion d ln S = κ(ln L − ln S) dt + σ dW to a price history
/// sampled every Δ = 1/periodsPerYear. The model's exact discretisation is the AR(1) x_{t+1} = a + b·x_t + ε,
/// b = e^{−κΔ}, a = (1 − b) ln L, Var ε = σ²(1 − b²)/(2κ), so the likelihood conditional on the first price is
/// maximised by least squares in closed form; standard errors from the observed information of the exact likelihood
/// in (κ, L, σ). A history without mean reversion (b ≥ 1) is refused: it is a random walk, fit GBM instead.
/// </summary>
public static class SchwartzCalibration
{
    /// <summary>Fewest prices a fit accepts.</summary>
    public const int MinPrices = 100;

    /// <param name="prices">Prices, oldest first, each &gt; 0 (spot, or a rolled front contract).</param>
    /// <param name="periodsPerYear">Periods per year between prices (252: trading days).</param>
    /// <exception cref="InvalidInputException">"prices" (too few, constant, no mean reversion), "prices[i]", "periodsPerYear".</exception>
    public static SchwartzFit Fit(IReadOnlyList<double> prices, double periodsPerYear = 252)
    {
        ArgumentNullException.ThrowIfNull(prices);
        Guard.InRange(periodsPerYear, 1, 100_000, "periodsPerYear");
        if (prices.Count < MinPrices) Guard.Fail("prices", $"needs at least {MinPrices} prices, got {prices.Count}");
        var x = new double[prices.Count];
        for (int i = 0; i < x.Length; i++) x[i] = Math.Log(Guard.Positive(prices[i], $"prices[{i}]"));
        double dt = 1 / periodsPerYear;
        int n = x.Length - 1;
        double meanFrom = 0, meanTo = 0;
        for (int t = 0; t < n; t++) { meanFrom += x[t]; meanTo += x[t + 1]; }
        meanFrom /= n;
        meanTo /= n;
        double sxx = 0, sxy = 0;
        for (int t = 0; t < n; t++) { sxx += (x[t] - meanFrom) * (x[t] - meanFrom); sxy += (x[t] - meanFrom) * (x[t + 1] - meanTo); }
        if (sxx == 0) Guard.Fail("prices", "are all equal: nothing to fit");
        double b = sxy / sxx, a = meanTo - b * meanFrom;
        if (!(b > 0 && b < 1)) Guard.Fail("prices", $"show no mean reversion (AR(1) coefficient {b:G6}): a random walk, fit GBM instead");
        double residual = 0;
        for (int t = 0; t < n; t++) { double e = x[t + 1] - a - b * x[t]; residual += e * e; }
        double s2 = residual / n;
        double kappa = -Math.Log(b) / dt, longRunLog = a / (1 - b), sigma = Math.Sqrt(s2 * 2 * kappa / (1 - b * b));

        double LogLikelihood(double[] theta) => theta[0] > 0 && theta[1] > 0 && theta[2] > 0
            ? ConditionalLogLikelihood(x, dt, theta[0], Math.Log(theta[1]), theta[2]) : double.NegativeInfinity;
        double[] optimum = [kappa, Math.Exp(longRunLog), sigma];
        var covariance = NumericalHessian.Covariance(LogLikelihood, optimum, [1e-4 * kappa, 1e-4 * optimum[1], 1e-4 * sigma]);
        var errors = NumericalHessian.StandardErrors(covariance);
        return new SchwartzFit(kappa, Math.Exp(longRunLog), sigma, errors[0], errors[1], errors[2], LogLikelihood(optimum), n);
    }

    /// <summary>ln f(x₁..x_n | x₀) of the exact AR(1) form.</summary>
    public static double ConditionalLogLikelihood(IReadOnlyList<double> logPrices, double dt, double kappa, double longRunLog, double sigma)
    {
        ArgumentNullException.ThrowIfNull(logPrices);
        double b = Math.Exp(-kappa * dt), variance = sigma * sigma * -double.ExpM1(-2 * kappa * dt) / (2 * kappa);
        double total = 0;
        for (int t = 0; t + 1 < logPrices.Count; t++)
        {
            double e = logPrices[t + 1] - (b * logPrices[t] + (1 - b) * longRunLog);
            total += -0.5 * (Math.Log(2 * Math.PI * variance) + e * e / variance);
        }
        return total;
    }
}

/// <summary>A maximum-likelihood Schwartz one-factor fit (physical measure) with standard errors.</summary>
/// <param name="MeanReversion">κ per year.</param>
/// <param name="LongRunPrice">L: the log price reverts to ln L.</param>
/// <param name="Volatility">σ per year.</param>
/// <param name="MeanReversionError">Standard error of κ.</param>
/// <param name="LongRunPriceError">Standard error of L.</param>
/// <param name="VolatilityError">Standard error of σ.</param>
/// <param name="LogLikelihood">Maximised (conditional) log-likelihood.</param>
/// <param name="Observations">Transitions used (prices − 1).</param>
public sealed record SchwartzFit(double MeanReversion, double LongRunPrice, double Volatility, double MeanReversionError, double LongRunPriceError,
    double VolatilityError, double LogLikelihood, int Observations)
{
    /// <summary>ln 2 / κ, years.</summary>
    public double HalfLife => Math.Log(2) / MeanReversion;

    /// <summary>Akaike with 3 parameters.</summary>
    public double Aic => 6 - 2 * LogLikelihood;

    /// <summary>Schwarz with 3 parameters.</summary>
    public double Bic => 3 * Math.Log(Observations) - 2 * LogLikelihood;
}

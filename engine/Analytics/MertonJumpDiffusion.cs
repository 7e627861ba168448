using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Merton (1976) jump-diffusion price of a European option on a futures price. The futures price
/// follows dF/F = −λk dt + σ dW + (J − 1) dN with N Poisson of intensity λ, ln J ~ N(μJ, σJ²) and
/// k = E[J − 1] = exp(μJ + σJ²/2) − 1, so F is a martingale (compensated drift). Conditioning on n
/// jumps gives the series
/// V = Σₙ e^{−λT}(λT)ⁿ/n! · Black76(Fₙ, K, T, σₙ, DF), Fₙ = F·exp(n(μJ + σJ²/2) − λkT),
/// σₙ² = σ² + n·σJ²/T.
/// Source: R. C. Merton, "Option pricing when underlying stock returns are discontinuous",
/// J. Financial Economics 3 (1976) 125–144, with zero cost of carry for a futures price.
/// </summary>
public static class MertonJumpDiffusion
{
    /// <summary>Most terms summed before the series is declared non-convergent.</summary>
    public const int MaxTerms = 1000;

    // Stop when the bound on the remaining terms is below this fraction of DF·(F + K).
    private const double RelativeTailTolerance = 1e-17;

    /// <summary>
    /// Present value of a European option on a futures price under Merton jump-diffusion, per unit
    /// of the underlying, in the currency of <paramref name="forward"/>.
    /// </summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Futures price today; &gt; 0.</param>
    /// <param name="strike">Strike; &gt; 0.</param>
    /// <param name="expiry">Years to expiry; &gt;= 0.</param>
    /// <param name="volatility">Diffusion volatility σ per annum; &gt;= 0.</param>
    /// <param name="jumpIntensity">Jump intensity λ, expected jumps per year; &gt;= 0.</param>
    /// <param name="jumpMean">Mean μJ of the log jump size ln J (−0.029 = −2.9%); finite.</param>
    /// <param name="jumpVolatility">Standard deviation σJ of the log jump size; &gt;= 0.</param>
    /// <param name="discountFactor">Discount factor to payment; &gt; 0.</param>
    /// <returns>Present value; reduces to Black-76 when λ = 0.</returns>
    /// <exception cref="InvalidInputException">An input is non-finite or out of range (Field names it), or
    /// "jumpIntensity" when λT is so large that the series does not converge within <see cref="MaxTerms"/>.</exception>
    public static double Price(OptionType type, double forward, double strike, double expiry, double volatility,
        double jumpIntensity, double jumpMean, double jumpVolatility, double discountFactor)
    {
        Guard.Positive(forward, "forward");
        Guard.Positive(strike, "strike");
        Guard.NonNegative(expiry, "expiry");
        Guard.NonNegative(volatility, "volatility");
        Guard.NonNegative(jumpIntensity, "jumpIntensity");
        Guard.Finite(jumpMean, "jumpMean");
        Guard.NonNegative(jumpVolatility, "jumpVolatility");
        Guard.Positive(discountFactor, "discountFactor");

        double mean = jumpIntensity * expiry; // expected number of jumps to expiry
        if (mean == 0.0)
            return Black76.PriceUnchecked(type, forward, strike, volatility * Math.Sqrt(expiry), discountFactor);

        double logJumpGrowth = jumpMean + 0.5 * jumpVolatility * jumpVolatility; // ln(1 + k)
        double k = Math.Exp(logJumpGrowth) - 1.0;
        double logForward0 = Math.Log(forward) - jumpIntensity * k * expiry;
        // Under the jump-size measure the count is Poisson(λ(1 + k)T): it weights the F-terms of a call.
        double logMeanPrime = Math.Log(mean) + logJumpGrowth;
        double logMean = Math.Log(mean);
        double meanPrime = Math.Exp(logMeanPrime);
        double diffusionVariance = volatility * volatility * expiry;
        double jumpVariance = jumpVolatility * jumpVolatility;
        double scale = discountFactor * (forward + strike);

        double sum = 0.0;
        for (int n = 0; n < MaxTerms; n++)
        {
            double logFactorial = SpecialFunctions.FactorialLn(n);
            double weight = Math.Exp(n * logMean - mean - logFactorial);
            if (weight > 0.0)
            {
                double forwardN = Math.Exp(logForward0 + n * logJumpGrowth);
                double stdDevN = Math.Sqrt(diffusionVariance + n * jumpVariance);
                sum += weight * Black76.PriceUnchecked(type, forwardN, strike, stdDevN, discountFactor);
            }

            // Each term is at most DF·(F·p'ₙ + K·pₙ) with p, p' the two Poisson laws; past both means
            // their tails are bounded by a geometric series from the next term.
            int next = n + 1;
            if (next > mean && next > meanPrime)
            {
                double pNext = Math.Exp(next * logMean - mean - SpecialFunctions.FactorialLn(next));
                double pPrimeNext = Math.Exp(next * logMeanPrime - meanPrime - SpecialFunctions.FactorialLn(next));
                double tail = discountFactor * (forward * pPrimeNext / (1.0 - meanPrime / (next + 1))
                                                + strike * pNext / (1.0 - mean / (next + 1)));
                if (tail <= RelativeTailTolerance * scale) return sum;
            }
        }

        throw new InvalidInputException("jumpIntensity",
            $"λT = {mean} is too large for the series to converge in {MaxTerms} terms");
    }
}

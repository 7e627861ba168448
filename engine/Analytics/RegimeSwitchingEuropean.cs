using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// A European futures option under Markov-switching volatility as the mixture over regime occupation times: given the
/// regime path, ln F_T is normal with variance h·Σ_k σ_k²·n_k (n_k the sub-steps spent in regime k), so the price is
/// Σ P(n)·Black-76(F, K, √(h·Σσ_k²n_k)). P(n) is computed exactly by dynamic programming over (regime, occupation counts)
/// on the chain the simulation walks (one sub-step per period, <see cref="RegimeSwitchingStepper.SubSteps"/>), so
/// this is the simulation's expectation without sampling error: the independent check of the Monte Carlo.
/// </summary>
public static class RegimeSwitchingEuropean
{
    /// <summary>Most (regime × occupation-count) cells the recursion holds (K = 3 to about 2,000 periods).</summary>
    public const long MaxCells = 12_000_000;

    /// <summary>Present value per unit.</summary>
    /// <exception cref="InvalidInputException">"method" when the recursion would exceed <see cref="MaxCells"/> (use Monte Carlo).</exception>
    public static double Price(OptionType type, double forward, double strike, double expiry, RegimeSwitchingParameters parameters, double discountFactor)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.Positive(forward, "forward");
        Guard.Positive(strike, "strike");
        Guard.NonNegative(expiry, "expiry");
        Guard.Positive(discountFactor, "discountFactor");
        if (expiry == 0) return Black76.PriceUnchecked(type, forward, strike, 0, discountFactor);

        int k = parameters.Regimes, n = RegimeSwitchingStepper.SubSteps(expiry, parameters.PeriodsPerYear);
        double h = expiry / n;
        long cells = (long)Math.Pow(n + 1, k - 1);
        if (cells * k > MaxCells)
            Guard.Fail("method", $"{k} regimes over {n} periods need {cells * k:N0} occupation cells (most {MaxCells:N0}): use Monte Carlo");
        var q = parameters.TransitionOver(h * parameters.PeriodsPerYear);
        var stride = new long[k];
        for (int s = 0; s < k - 1; s++) stride[s] = (long)Math.Pow(n + 1, s); // the last regime's count is n minus the others
        var probability = new double[k][];
        for (int s = 0; s < k; s++) { probability[s] = new double[cells]; probability[s][0] = parameters.InitialProbabilities[s]; }

        for (int step = 0; step < n; step++)
        {
            var next = new double[k][];
            for (int s = 0; s < k; s++) next[s] = new double[cells];
            for (int s = 0; s < k; s++)
            {
                var from = probability[s];
                for (long cell = 0; cell < cells; cell++)
                {
                    double p = from[cell];
                    if (p == 0) continue;
                    long occupied = cell + stride[s];
                    for (int t = 0; t < k; t++) next[t][occupied] += p * q[s][t];
                }
            }
            probability = next;
        }

        double price = 0;
        var counts = new int[k];
        for (long cell = 0; cell < cells; cell++)
        {
            double p = 0;
            for (int s = 0; s < k; s++) p += probability[s][cell];
            if (p == 0) continue;
            long rest = cell;
            int others = 0;
            for (int s = 0; s < k - 1; s++) { counts[s] = (int)(rest % (n + 1)); rest /= n + 1; others += counts[s]; }
            counts[k - 1] = n - others;
            double variance = 0;
            for (int s = 0; s < k; s++) variance += parameters.Volatilities[s] * parameters.Volatilities[s] * counts[s] * h;
            price += p * Black76.PriceUnchecked(type, forward, strike, Math.Sqrt(variance), discountFactor);
        }
        return price;
    }
}

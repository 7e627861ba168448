using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Backtesting;

/// <summary>
/// Christoffersen's (1998) independence test: from the transitions n_ij of the breach sequence (i today, j the next
/// observation), π₀ = n₀₁/(n₀₀+n₀₁), π₁ = n₁₁/(n₁₀+n₁₁), π = (n₀₁+n₁₁)/Σn, LR = −2 ln[(1−π)^{n₀₀+n₁₀} π^{n₀₁+n₁₁} /
/// ((1−π₀)^{n₀₀} π₀^{n₀₁} (1−π₁)^{n₁₀} π₁^{n₁₁})], χ² with 1 degree of freedom when breaches do not cluster.
/// </summary>
public static class ChristoffersenTest
{
    /// <summary>The statistic and p-value of a breach sequence in time order.</summary>
    /// <exception cref="InvalidInputException">"breaches" with fewer than 2 observations.</exception>
    public static TestStatistic Of(IReadOnlyList<bool> breaches)
    {
        ArgumentNullException.ThrowIfNull(breaches);
        if (breaches.Count < 2) Guard.Fail("breaches", $"need at least 2 observations for a transition, got {breaches.Count}");
        double n00 = 0, n01 = 0, n10 = 0, n11 = 0;
        for (int i = 1; i < breaches.Count; i++)
            (n00, n01, n10, n11) = (breaches[i - 1], breaches[i]) switch
            {
                (false, false) => (n00 + 1, n01, n10, n11),
                (false, true) => (n00, n01 + 1, n10, n11),
                (true, false) => (n00, n01, n10 + 1, n11),
                _ => (n00, n01, n10, n11 + 1),
            };
        double pi0 = n01 / Math.Max(n00 + n01, 1), pi1 = n11 / Math.Max(n10 + n11, 1), pi = (n01 + n11) / (n00 + n01 + n10 + n11);
        double pooled = TestStatistic.XLogY(n00 + n10, 1 - pi) + TestStatistic.XLogY(n01 + n11, pi);
        double markov = TestStatistic.XLogY(n00, 1 - pi0) + TestStatistic.XLogY(n01, pi0) + TestStatistic.XLogY(n10, 1 - pi1)
            + TestStatistic.XLogY(n11, pi1);
        return TestStatistic.ChiSquared(-2 * (pooled - markov), 1);
    }
}

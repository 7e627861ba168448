using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Backtesting;

/// <summary>
/// Kupiec's (1995) proportion-of-failures test: with x breaches in n observations and a stated breach rate p,
/// LR = −2 ln[(1−p)^{n−x} p^x / ((1−x/n)^{n−x} (x/n)^x)], χ² with 1 degree of freedom under the model.
/// </summary>
public static class KupiecTest
{
    /// <summary>The statistic and p-value.</summary>
    /// <exception cref="InvalidInputException">"observations" (&lt; 1), "breaches" (outside [0, n]) or "breachRate" (outside (0, 1)).</exception>
    public static TestStatistic Of(int observations, int breaches, double breachRate)
    {
        Guard.InRange(observations, 1, int.MaxValue, "observations");
        Guard.InRange(breaches, 0, observations, "breaches");
        if (!(breachRate > 0 && breachRate < 1)) Guard.Fail("breachRate", $"must lie strictly between 0 and 1, got {breachRate}");
        double n = observations, x = breaches, observed = x / n;
        double model = TestStatistic.XLogY(n - x, 1 - breachRate) + TestStatistic.XLogY(x, breachRate);
        double fitted = TestStatistic.XLogY(n - x, 1 - observed) + TestStatistic.XLogY(x, observed);
        return TestStatistic.ChiSquared(-2 * (model - fitted), 1);
    }
}

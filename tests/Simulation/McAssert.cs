using CarbonDerivatives.Engine.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>Assertions on Monte Carlo estimates, in standard errors.</summary>
public static class McAssert
{
    /// <summary>
    /// |estimate − reference| &lt; <paramref name="standardErrors"/> SE. With 4 SE a correct engine fails
    /// a single check with probability 6·10⁻⁵; seeds are fixed so a pass is reproducible.
    /// </summary>
    public static void WithinStandardErrors(double reference, MonteCarloEstimate estimate, double standardErrors = 4, string? label = null)
    {
        Assert.True(estimate.StandardError > 0, $"{label}: the standard error must be positive");
        double distance = Math.Abs(estimate.Value - reference) / estimate.StandardError;
        Assert.True(distance < standardErrors,
            $"{label}: MC {estimate.Value:G10} ± {estimate.StandardError:G4} is {distance:F2} SE from the reference {reference:G10}");
    }

    /// <summary>The same check for a valuation's value.</summary>
    public static void WithinStandardErrors(double reference, Engine.Pricing.Valuation valuation, double standardErrors = 4, string? label = null) =>
        WithinStandardErrors(reference, new MonteCarloEstimate(valuation.Value, valuation.StandardError, valuation.Paths, 0, null, 1, TimeSpan.Zero),
            standardErrors, label);

    /// <summary>The same check for one Greek.</summary>
    public static void WithinStandardErrors(double reference, Engine.Numerics.GreekEstimate greek, double standardErrors = 4, string? label = null) =>
        WithinStandardErrors(reference, new MonteCarloEstimate(greek.Value, greek.StandardError, 0, 0, null, 1, TimeSpan.Zero), standardErrors, label);
}

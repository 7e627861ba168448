using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Risk;
using Xunit;

namespace CarbonDerivatives.Tests.Risk;

internal static class RiskAssert
{
    /// <summary>|estimate − reference| &lt; 4 SE (false-failure probability 6·10⁻⁵ per check; seeds fixed).</summary>
    public static void WithinStandardErrors(double reference, GreekEstimate estimate, string label, double standardErrors = 4)
    {
        Assert.True(estimate.StandardError > 0, $"{label}: the standard error must be positive");
        double distance = Math.Abs(estimate.Value - reference) / estimate.StandardError;
        Assert.True(distance < standardErrors,
            $"{label}: {estimate.Method} {estimate.Value:G8} ± {estimate.StandardError:G3} is {distance:F2} SE from the reference {reference:G8}");
    }
}

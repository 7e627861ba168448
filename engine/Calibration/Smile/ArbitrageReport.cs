using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Calibration.Smile;

/// <summary>The arbitrage check of a surface over a log-moneyness range.</summary>
/// <param name="Violations">Each violated range, worst point and size.</param>
/// <param name="FromLogMoneyness">Lower end of the checked range of k.</param>
/// <param name="ToLogMoneyness">Upper end of the checked range of k.</param>
public sealed record ArbitrageReport(ImmutableArray<ArbitrageViolation> Violations, double FromLogMoneyness, double ToLogMoneyness)
{
    /// <summary>No violation found.</summary>
    public bool IsArbitrageFree => Violations.IsEmpty;
}

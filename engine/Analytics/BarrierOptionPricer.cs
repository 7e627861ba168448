using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Analytics;

/// <summary>
/// Prices a <see cref="ResolvedBarrierOption"/>. Every figure is per lot in the option's currency,
/// discounted from expiry: LotSize × the per-tonne value.
/// </summary>
public static class BarrierOptionPricer
{
    /// <summary>
    /// Analytic value of one long lot under Black-76: the Reiner–Rubinstein closed form for continuous
    /// monitoring, and with discrete monitoring the Broadie–Glasserman–Kou shifted closed form with Δt
    /// the mean spacing of the monitoring times (<see cref="ReinerRubinsteinBarrier"/>).
    /// </summary>
    public static double PriceAnalytic(ResolvedBarrierOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        double perTonne = option.IsContinuous
            ? ReinerRubinsteinBarrier.PriceContinuous(option)
            : ReinerRubinsteinBarrier.PriceDiscrete(option, option.Expiry / option.MonitoringTimes.Length);
        return option.LotSize * perTonne;
    }
}

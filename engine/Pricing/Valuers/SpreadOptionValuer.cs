using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>
/// Spread and calendar-spread options: Margrabe (K = 0) or Kirk by closed form under correlated Black-76,
/// or Monte Carlo on correlated legs (Merton jumps, independent per leg, when the model has them).
/// Greeks per leg, cross-gamma and correlation sensitivity: Margrabe's exact ones, finite differences of
/// Kirk for K ≠ 0, or one CRN simulation per Greek. Figures per lot.
/// </summary>
internal static class SpreadOptionValuer
{
    public static Valuation Value(SpreadOption option, ValuationRequest request, SimulationLimits limits, CancellationToken cancellation)
    {
        if (request.Model is SchwartzDynamics or ComplianceDynamics) Guard.Fail("model", "spread options are simulated under Black-76 or Merton legs");
        if (request.Correlation is null) Guard.Fail("correlation", "is required for a spread option: a number, or a term-structure decay for a calendar spread");
        var o = option.Resolve(request.Market, request.Correlation.For(option, request.Market));
        if (request.Method == ValuationMethod.Analytic)
        {
            PathModels.RequireBlack76ForClosedForm(request.Model, "spread options");
            var price = SpreadOptionPricer.PriceAnalytic(o);
            return new Valuation(price.Value, 0, option.Currency, $"analytic-{price.Method}", 0, null,
                SpreadGreeks: !request.Greeks ? null : o.Strike == 0 ? SpreadOptionGreeks.Analytic(o) : SpreadOptionGreeks.FiniteDifferenceOfKirk(o));
        }

        LogNormalJumps?[]? jumps = request.Model is MertonDynamics merton ? [merton.Jumps, merton.Jumps] : null;
        var estimate = SpreadOptionPricer.PriceMonteCarlo(o, jumps, request.Steps, request.Settings, limits, cancellation);
        return new Valuation(estimate.Value, estimate.StandardError, option.Currency, PathModels.Name(request.Model), estimate.Paths, null,
            SpreadGreeks: request.Greeks ? SpreadOptionGreeks.MonteCarlo(o, jumps, request.Steps, request.Settings, limits, cancellation) : null);
    }
}

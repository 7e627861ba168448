using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>
/// Average-price options: the geometric closed form or Turnbull–Wakeman (Black-76), or Monte Carlo under
/// any model with the geometric control variate where it applies. Greeks by revaluation. Figures per lot.
/// </summary>
internal static class AsianOptionValuer
{
    public static Valuation Value(AsianOption option, ValuationRequest request, SimulationLimits limits, CancellationToken cancellation)
    {
        var o = option.Resolve(request.Market);
        double delivery = request.Market.TimeTo(option.FuturesDelivery);
        bool analytic = request.Method == ValuationMethod.Analytic;
        if (analytic) PathModels.RequireBlack76ForClosedForm(request.Model, "Asian options");
        string method = analytic
            ? o.Average == AverageKind.Geometric ? "analytic-geometric-asian" : "analytic-turnbull-wakeman"
            : PathModels.Name(request.Model);

        Revalued Price(MarketShift s)
        {
            var shifted = o.Shifted(s);
            if (analytic || shifted.FixingTimes.Length == 0) return Revalued.ClosedForm(AsianOptionPricer.PriceAnalytic(shifted));
            return Revalued.Of(AsianOptionPricer.PriceMonteCarlo(shifted,
                PathModels.For(request.Model, shifted.Forward, shifted.Volatility, s.Time(delivery), shifted.Expiry),
                request.Settings, limits, cancellation, request.Steps));
        }

        var (bumps, greekMethod) = Revaluation.BumpsFor(analytic);
        double maxShift = o.FixingTimes.Length > 0 ? o.FixingTimes[0] / 2 : 0;
        return Revaluation.Of(Price, o.Forward, o.Volatility, maxShift, bumps, greekMethod, request.Greeks, option.Currency, method);
    }
}

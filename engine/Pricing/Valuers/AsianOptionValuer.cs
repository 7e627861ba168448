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

        (double Value, double StandardError, long Paths) Price(MarketShift s)
        {
            var shifted = Shifted(o, s);
            if (analytic || shifted.FixingTimes.Length == 0) return (AsianOptionPricer.PriceAnalytic(shifted), 0, 0);
            var estimate = AsianOptionPricer.PriceMonteCarlo(shifted, PathModels.For(request.Model, shifted.Forward, shifted.Volatility, s.Time(delivery), shifted.Expiry),
                request.Settings, limits, cancellation, request.Steps);
            return (estimate.Value, estimate.StandardError, estimate.Paths);
        }

        var price = Price(MarketShift.None);
        double maxShift = o.FixingTimes.Length > 0 ? o.FixingTimes[0] / 2 : 0;
        var greeks = request.Greeks
            ? RevaluationGreeks.Compute(s => { var p = Price(s); return (p.Value, p.StandardError); }, o.Forward, o.Volatility, maxShift,
                analytic ? RevaluationGreeks.Bumps.ClosedForm : RevaluationGreeks.Bumps.MonteCarlo, analytic ? "finite-difference" : "crn-bump")
            : null;
        return new Valuation(price.Value, price.StandardError, option.Currency, method, price.Paths, greeks);
    }

    private static ResolvedAsianOption Shifted(ResolvedAsianOption o, MarketShift s)
    {
        double expiry = o.FixingTimes.Length > 0 ? o.FixingTimes[^1] : 0;
        return new ResolvedAsianOption(o.Type, o.Strike, o.Average, o.FixingTimes.ToArray().Select(s.Time).ToArray(), o.PastFixings.ToArray(),
            s.Forward(o.Forward), s.Volatility(o.Volatility), s.DiscountFactor(o.DiscountFactor, expiry), o.LotSize);
    }
}

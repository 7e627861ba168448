using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Pricing.Valuers;

/// <summary>
/// Barrier options: Reiner–Rubinstein closed forms (continuous) or the Broadie–Glasserman–Kou shift
/// (daily), or Monte Carlo with the Brownian-bridge crossing probability. Greeks by revaluation, with the
/// forward bump kept inside the barrier. Figures per lot.
/// </summary>
internal static class BarrierOptionValuer
{
    public static Valuation Value(BarrierOption option, ValuationRequest request, SimulationLimits limits, CancellationToken cancellation)
    {
        var o = option.Resolve(request.Market);
        double delivery = request.Market.TimeTo(option.FuturesDelivery);
        bool analytic = request.Method == ValuationMethod.Analytic;
        if (analytic) PathModels.RequireBlack76ForClosedForm(request.Model, "barrier options");
        string method = analytic ? (o.IsContinuous ? "analytic-reiner-rubinstein" : "analytic-bgk-shift") : PathModels.Name(request.Model);

        (double Value, double StandardError, long Paths) Price(MarketShift s)
        {
            var shifted = Shifted(o, s);
            if (analytic) return (BarrierOptionPricer.PriceAnalytic(shifted), 0, 0);
            var estimate = BarrierOptionPricer.PriceMonteCarlo(shifted, PathModels.For(request.Model, shifted.Forward, shifted.Volatility, s.Time(delivery), shifted.Expiry),
                request.Settings, limits, cancellation, request.Steps > 1 ? request.Steps : null);
            return (estimate.Value, estimate.StandardError, estimate.Paths);
        }

        var price = Price(MarketShift.None);
        ValuationGreeks? greeks = null;
        if (request.Greeks)
        {
            var bumps = analytic ? RevaluationGreeks.Bumps.ClosedForm : RevaluationGreeks.Bumps.MonteCarlo;
            double room = Math.Abs(o.Barrier / o.Forward - 1) / 2; // a bumped forward must stay on its side of the barrier
            bumps = bumps with { Delta = Math.Min(bumps.Delta, room), Gamma = Math.Min(bumps.Gamma, room) };
            double maxShift = o.IsContinuous ? o.Expiry / 2 : o.MonitoringTimes[0] / 2;
            greeks = RevaluationGreeks.Compute(s => { var p = Price(s); return (p.Value, p.StandardError); }, o.Forward, o.Volatility, maxShift,
                bumps, analytic ? "finite-difference" : "crn-bump");
        }
        return new Valuation(price.Value, price.StandardError, option.Currency, method, price.Paths, greeks);
    }

    private static ResolvedBarrierOption Shifted(ResolvedBarrierOption o, MarketShift s) => new(o.Type, o.Strike, o.Direction, o.Knock,
        o.Barrier, o.Rebate, s.Time(o.Expiry), s.Forward(o.Forward), s.Volatility(o.Volatility), s.DiscountFactor(o.DiscountFactor, o.Expiry),
        o.LotSize, o.IsContinuous ? null : o.MonitoringTimes.ToArray().Select(s.Time).ToArray());
}

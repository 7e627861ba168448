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

        Revalued Price(MarketShift s)
        {
            var shifted = o.Shifted(s);
            if (analytic) return Revalued.ClosedForm(BarrierOptionPricer.PriceAnalytic(shifted));
            return Revalued.Of(BarrierOptionPricer.PriceMonteCarlo(shifted,
                PathModels.For(request.Model, shifted.Forward, shifted.Volatility, s.Time(delivery), shifted.Expiry),
                request.Settings, limits, cancellation, request.Steps > 1 ? request.Steps : null));
        }

        var (bumps, greekMethod) = Revaluation.BumpsFor(analytic);
        double room = Math.Abs(o.Barrier / o.Forward - 1) / 2; // a bumped forward must stay on its side of the barrier
        bumps = bumps with { Delta = Math.Min(bumps.Delta, room), Gamma = Math.Min(bumps.Gamma, room) };
        double maxShift = o.IsContinuous ? o.Expiry / 2 : o.MonitoringTimes[0] / 2;
        return Revaluation.Of(Price, o.Forward, o.Volatility, maxShift, bumps, greekMethod, request.Greeks, option.Currency, method);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing.ClosedForms;

/// <summary>
/// A barrier option under Black-76: Reiner–Rubinstein (continuous) or the Broadie–Glasserman–Kou shift (daily);
/// Greeks by finite differences with the forward bump kept inside the barrier. Under a scenario the move happens
/// at once: a barrier the shifted price has crossed counts as touched (a knock-out pays its rebate at expiry, a
/// knock-in becomes the vanilla option); a daily barrier with no look left is the vanilla (out) or the rebate (in).
/// </summary>
internal sealed class Black76BarrierPricer(ResolvedBarrierOption option, string currency) : IClosedFormPricer
{
    public string Method => option.IsContinuous ? "analytic-reiner-rubinstein" : "analytic-bgk-shift";

    public double Value(MarketShift shift)
    {
        var o = option;
        if (shift == MarketShift.None) return BarrierOptionPricer.PriceAnalytic(o);
        double forward = shift.Forward(o.Forward), expiry = Math.Max(shift.Time(o.Expiry), 0), vol = shift.Volatility(o.Volatility);
        double discount = shift.DiscountFactor(o.DiscountFactor, o.Expiry);
        double Vanilla() => o.LotSize * Black76.PriceUnchecked(o.Type, forward, o.Strike, vol * Math.Sqrt(expiry), discount);
        double Rebate() => o.LotSize * o.Rebate * discount;
        bool touched = o.Direction == BarrierDirection.Up ? forward >= o.Barrier : forward <= o.Barrier;
        if (touched) return o.Knock == BarrierKnock.Out ? Rebate() : Vanilla();
        if (!o.IsContinuous && o.RemainingMonitoring(shift).Length == 0) return o.Knock == BarrierKnock.Out ? Vanilla() : Rebate();
        return BarrierOptionPricer.PriceAnalytic(o.Shifted(shift));
    }

    public Valuation Valuation(bool greeks) => new(Value(MarketShift.None), 0, currency, Method, 0, greeks
        ? RevaluationGreeks.Compute(Value, option.Forward, option.Volatility, MaxTimeShift(option),
            RevaluationGreeks.Bumps.ClosedForm.WithinRoom(Room(option)), GreekMethod.FiniteDifference)
        : null);

    /// <summary>Half the relative distance to the barrier: the largest forward bump that stays on its side.</summary>
    public static double Room(ResolvedBarrierOption o) => Math.Abs(o.Barrier / o.Forward - 1) / 2;

    /// <summary>Half the time to expiry (continuous) or to the next monitoring date (daily).</summary>
    public static double MaxTimeShift(ResolvedBarrierOption o) => o.IsContinuous ? o.Expiry / 2 : o.MonitoringTimes[0] / 2;
}

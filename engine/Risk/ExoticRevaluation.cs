using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Closed-form revaluation, per tonne, of the single-underlying exotics a portfolio may hold (Asian,
/// barrier, and American/Bermudan options on a binomial tree) under a <see cref="MarketShift"/>: what ladders, stress tests, VaR and the Greeks of
/// portfolio risk need. A scenario's move is taken to happen at once, so when time passes:
/// <list type="bullet">
/// <item>Asian fixings that fall in the elapsed period fix at the shifted futures price;</item>
/// <item>a barrier the shifted price has crossed counts as touched: a knock-out pays its rebate at expiry,
/// a knock-in becomes the vanilla option (Black-76); daily monitoring dates that have passed are dropped.</item>
/// </list>
/// </summary>
internal static class ExoticRevaluation
{
    /// <summary>The per-tonne value of <paramref name="option"/> under a shift (Black-76), and its volatility today.</summary>
    public static (Func<MarketShift, double> Value, double Volatility) For(AsianOption option, MarketSnapshot market)
    {
        var o = (option with { LotSize = 1 }).Resolve(market);
        return (s => AsianOptionPricer.PriceAnalytic(o.Shifted(s)), o.Volatility);
    }

    /// <summary>The per-tonne value of an American or Bermudan <paramref name="option"/> under a shift (the CRR tree), and its volatility today.</summary>
    public static (Func<MarketShift, double> Value, double Volatility) For(FuturesOption option, OptionExercise exercise, MarketSnapshot market)
    {
        var o = (option with { LotSize = 1 }).Resolve(market);
        var terms = exercise.Resolve(market, option.Expiry);
        return (s => BinomialFuturesOptionPricer.Price(o.Shifted(s), terms.Shifted(s)), o.Volatility);
    }

    /// <summary>The per-tonne value of <paramref name="option"/> under a shift (Black-76), and its volatility today.</summary>
    public static (Func<MarketShift, double> Value, double Volatility) For(BarrierOption option, MarketSnapshot market)
    {
        var o = (option with { LotSize = 1 }).Resolve(market);
        return (s =>
        {
            double forward = s.Forward(o.Forward), expiry = Math.Max(s.Time(o.Expiry), 0), vol = s.Volatility(o.Volatility);
            double discount = s.DiscountFactor(o.DiscountFactor, o.Expiry);
            double Vanilla() => Black76.PriceUnchecked(o.Type, forward, o.Strike, vol * Math.Sqrt(expiry), discount);
            bool touched = o.Direction == BarrierDirection.Up ? forward >= o.Barrier : forward <= o.Barrier;
            if (touched) return o.Knock == BarrierKnock.Out ? o.Rebate * discount : Vanilla();
            if (!o.IsContinuous && o.RemainingMonitoring(s).Length == 0) // no look left: out pays the vanilla payoff, in was never knocked in
                return o.Knock == BarrierKnock.Out ? Vanilla() : o.Rebate * discount;
            return BarrierOptionPricer.PriceAnalytic(o.Shifted(s));
        }, o.Volatility);
    }
}

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
    /// <summary>The per-tonne value of <paramref name="option"/> under a shift, Black-76 dynamics.</summary>
    public static Func<MarketShift, double> For(AsianOption option, MarketSnapshot market)
    {
        var o = (option with { LotSize = 1 }).Resolve(market);
        double[] times = o.FixingTimes.ToArray(), past = o.PastFixings.ToArray();
        return s =>
        {
            double forward = s.Forward(o.Forward);
            var shifted = times.Select(s.Time).ToArray();
            var fixedNow = past.Concat(shifted.Where(t => t <= 0).Select(_ => forward)).ToArray();
            return AsianOptionPricer.PriceAnalytic(new ResolvedAsianOption(o.Type, o.Strike, o.Average, shifted.Where(t => t > 0).ToArray(), fixedNow,
                forward, s.Volatility(o.Volatility), s.DiscountFactor(o.DiscountFactor, o.Expiry), 1));
        };
    }

    /// <summary>The per-tonne value of an American or Bermudan <paramref name="option"/> under a shift: the CRR tree.</summary>
    public static Func<MarketShift, double> For(FuturesOption option, OptionExercise exercise, MarketSnapshot market)
    {
        var o = (option with { LotSize = 1 }).Resolve(market);
        var terms = exercise.Resolve(market, option.Expiry);
        return s => BinomialFuturesOptionPricer.Price(o.Shifted(s), terms.Shifted(s));
    }

    /// <summary>The per-tonne value of <paramref name="option"/> under a shift, Black-76 dynamics.</summary>
    public static Func<MarketShift, double> For(BarrierOption option, MarketSnapshot market)
    {
        var o = (option with { LotSize = 1 }).Resolve(market);
        double[] monitoring = o.MonitoringTimes.ToArray();
        return s =>
        {
            double forward = s.Forward(o.Forward), expiry = Math.Max(s.Time(o.Expiry), 0), vol = s.Volatility(o.Volatility);
            double discount = s.DiscountFactor(o.DiscountFactor, o.Expiry);
            bool touched = o.Direction == BarrierDirection.Up ? forward >= o.Barrier : forward <= o.Barrier;
            if (touched)
                return o.Knock == BarrierKnock.Out ? o.Rebate * discount : Black76.PriceUnchecked(o.Type, forward, o.Strike, vol * Math.Sqrt(expiry), discount);
            var remaining = monitoring.Select(s.Time).Where(t => t > 0).ToArray();
            bool daily = !o.IsContinuous;
            if (daily && remaining.Length == 0) // no look left: the option is its vanilla payoff (in: never knocked in, pays the rebate)
                return o.Knock == BarrierKnock.Out ? Black76.PriceUnchecked(o.Type, forward, o.Strike, vol * Math.Sqrt(expiry), discount) : o.Rebate * discount;
            return BarrierOptionPricer.PriceAnalytic(new ResolvedBarrierOption(o.Type, o.Strike, o.Direction, o.Knock, o.Barrier, o.Rebate,
                expiry, forward, vol, discount, 1, daily ? remaining : null));
        };
    }
}

using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>Resolved terms after a <see cref="MarketShift"/>: what revaluation Greeks and scenarios price.</summary>
internal static class ShiftedTerms
{
    /// <summary>
    /// An Asian option after the shift: fixings that the time shift moves into the past fix at the shifted
    /// futures price (the move is taken to happen at once); the others move earlier.
    /// </summary>
    public static ResolvedAsianOption Shifted(this ResolvedAsianOption o, MarketShift s)
    {
        double forward = s.Forward(o.Forward);
        var times = o.FixingTimes.ToArray().Select(s.Time).ToArray();
        var past = o.PastFixings.ToArray().Concat(times.Where(t => t <= 0).Select(_ => forward)).ToArray();
        return new ResolvedAsianOption(o.Type, o.Strike, o.Average, times.Where(t => t > 0).ToArray(), past, forward, s.Volatility(o.Volatility),
            s.DiscountFactor(o.DiscountFactor, o.Expiry), o.LotSize) { Delivery = Math.Max(s.Time(o.Delivery), 0) };
    }

    /// <summary>
    /// A barrier option after the shift (the shifted forward must stay on its side of the barrier): expiry
    /// shortened (never below 0), daily monitoring dates that have passed are gone.
    /// </summary>
    public static ResolvedBarrierOption Shifted(this ResolvedBarrierOption o, MarketShift s) => new(o.Type, o.Strike, o.Direction, o.Knock,
        o.Barrier, o.Rebate, Math.Max(s.Time(o.Expiry), 0), s.Forward(o.Forward), s.Volatility(o.Volatility),
        s.DiscountFactor(o.DiscountFactor, o.Expiry), o.LotSize, o.IsContinuous ? null : RemainingMonitoring(o, s))
    { Delivery = Math.Max(s.Time(o.Delivery), 0) };

    /// <summary>The daily monitoring times still ahead after the shift.</summary>
    public static double[] RemainingMonitoring(this ResolvedBarrierOption o, MarketShift s) =>
        o.MonitoringTimes.ToArray().Select(s.Time).Where(t => t > 0).ToArray();

    /// <summary>Forward, vol and discount factor moved; expiry, delivery and exercise times shortened by the time shift (never below 0).</summary>
    public static ResolvedFuturesOption Shifted(this ResolvedFuturesOption o, MarketShift s) => o.With(Math.Max(s.Time(o.Expiry), 0),
        Math.Max(s.Time(o.Delivery), 0), s.Forward(o.Forward), s.Volatility(o.Volatility), s.DiscountFactor(o.DiscountFactor, o.Expiry),
        o.Exercise.Shifted(s));

    /// <summary>Bermudan exercise times moved by the time shift; dates that have passed are gone.</summary>
    public static ResolvedExercise Shifted(this ResolvedExercise exercise, MarketShift s) => exercise.Style == ExerciseStyle.Bermudan
        ? ResolvedExercise.Bermudan(exercise.Times.Select(s.Time).Where(t => t > 0).ToArray(), "exerciseDates")
        : exercise;

    /// <summary>A spread after each leg's shift (the time and rate shifts of <paramref name="leg1"/> apply to the option).</summary>
    public static ResolvedSpreadOption Shifted(this ResolvedSpreadOption o, MarketShift leg1, MarketShift leg2) => new(o.Type, o.Strike,
        Math.Max(leg1.Time(o.Expiry), 0), Shifted(o.Leg1, leg1, "leg1"), Shifted(o.Leg2, leg2, "leg2"), o.Correlation,
        leg1.DiscountFactor(o.DiscountFactor, o.Expiry), o.LotSize);

    private static ResolvedSpreadLeg Shifted(ResolvedSpreadLeg leg, MarketShift s, string field) =>
        new(s.Forward(leg.Forward), s.Volatility(leg.Volatility), leg.Weight, field);
}

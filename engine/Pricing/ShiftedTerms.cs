using CarbonDerivatives.Engine.Products;

namespace CarbonDerivatives.Engine.Pricing;

/// <summary>Resolved futures-option terms after a <see cref="MarketShift"/>: what revaluation Greeks and scenarios price.</summary>
internal static class ShiftedTerms
{
    /// <summary>Forward, vol and discount factor moved; expiry shortened by the time shift (never below 0).</summary>
    public static ResolvedFuturesOption Shifted(this ResolvedFuturesOption o, MarketShift s) => new(o.Type, o.Strike, Math.Max(s.Time(o.Expiry), 0),
        s.Forward(o.Forward), s.Volatility(o.Volatility), s.DiscountFactor(o.DiscountFactor, o.Expiry), o.LotSize);

    /// <summary>Bermudan exercise times moved by the time shift; dates that have passed are gone.</summary>
    public static ResolvedExercise Shifted(this ResolvedExercise exercise, MarketShift s) => exercise.Style == ExerciseStyle.Bermudan
        ? ResolvedExercise.Bermudan(exercise.Times.Select(s.Time).Where(t => t > 0).ToArray(), "exercise.dates")
        : exercise;
}

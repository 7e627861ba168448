using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// The exercise terms of an option contract: European, American, or Bermudan on <see cref="Dates"/>
/// (expiry is always an exercise date). Paired with a <see cref="FuturesOption"/>, whose expiry ends
/// the exercise period.
/// </summary>
/// <param name="Style">European, American or Bermudan.</param>
/// <param name="Dates">Bermudan exercise dates before or on expiry; empty for the other styles.</param>
public sealed record OptionExercise(ExerciseStyle Style, IReadOnlyList<DateOnly> Dates)
{
    /// <summary>Exercise at expiry only.</summary>
    public static OptionExercise European { get; } = new(ExerciseStyle.European, []);

    /// <summary>Exercise on any day up to expiry.</summary>
    public static OptionExercise American { get; } = new(ExerciseStyle.American, []);

    /// <summary>Exercise on <paramref name="dates"/> and at expiry.</summary>
    public static OptionExercise Bermudan(params DateOnly[] dates) => new(ExerciseStyle.Bermudan, dates);

    /// <summary>
    /// Exercise times in ACT/365F years from the market's valuation date, for an option expiring on
    /// <paramref name="expiry"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">"exerciseStyle", or "exercise.dates[i]" when a Bermudan
    /// date is not after the valuation date, after expiry, or not after the previous date.</exception>
    public ResolvedExercise Resolve(MarketSnapshot market, DateOnly expiry)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (!Enum.IsDefined(Style)) Guard.Fail("exerciseStyle", $"must be European, American or Bermudan, got {(int)Style}");
        return Style switch
        {
            ExerciseStyle.European => ResolvedExercise.European,
            ExerciseStyle.American => ResolvedExercise.American,
            _ => ResolvedExercise.Bermudan(BermudanTimes(market, expiry), "exerciseDates"),
        };
    }

    private double[] BermudanTimes(MarketSnapshot market, DateOnly expiry)
    {
        ArgumentNullException.ThrowIfNull(Dates);
        var times = new double[Dates.Count];
        for (int i = 0; i < Dates.Count; i++)
        {
            if (Dates[i] > expiry) Guard.Fail($"exerciseDates[{i}]", $"must not follow the option expiry {expiry:yyyy-MM-dd}, got {Dates[i]:yyyy-MM-dd}");
            if (Dates[i] <= market.ValuationDate) Guard.Fail($"exerciseDates[{i}]", $"must follow the valuation date {market.ValuationDate:yyyy-MM-dd}, got {Dates[i]:yyyy-MM-dd}");
            times[i] = market.TimeTo(Dates[i]);
        }
        return times;
    }
}

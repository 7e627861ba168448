using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// Continuously compounded zero rates at pillar times, linearly interpolated in time and held flat
/// beyond the first and last pillars; DF(t) = exp(−z(t)·t).
/// </summary>
public sealed record ZeroRateCurve : IDiscountCurve
{
    private ZeroRateCurve(ImmutableArray<double> times, ImmutableArray<double> rates)
    {
        Times = times;
        Rates = rates;
    }

    /// <summary>Pillar times in years from valuation (ACT/365F), strictly increasing.</summary>
    public ImmutableArray<double> Times { get; }

    /// <summary>Continuously compounded zero rate at each pillar (0.03 = 3%).</summary>
    public ImmutableArray<double> Rates { get; }

    /// <summary>Builds the curve from (time in years, zero rate) pillars.</summary>
    /// <exception cref="InvalidInputException">"pillars" when empty; "times[i]" when negative,
    /// non-finite or not strictly increasing; "rates[i]" when non-finite.</exception>
    public static ZeroRateCurve FromTimes(IEnumerable<(double Time, double Rate)> pillars)
    {
        ArgumentNullException.ThrowIfNull(pillars);
        var list = pillars.ToList();
        if (list.Count == 0) Guard.Fail("pillars", "must contain at least one pillar");
        var times = ImmutableArray.CreateBuilder<double>(list.Count);
        var rates = ImmutableArray.CreateBuilder<double>(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            double time = Guard.NonNegative(list[i].Time, $"times[{i}]");
            if (i > 0 && time <= times[i - 1])
                Guard.Fail($"times[{i}]", $"must be strictly increasing, got {time} after {times[i - 1]}");
            times.Add(time);
            rates.Add(Guard.Finite(list[i].Rate, $"rates[{i}]"));
        }
        return new ZeroRateCurve(times.MoveToImmutable(), rates.MoveToImmutable());
    }

    /// <summary>Builds the curve from (date, zero rate) pillars, times by ACT/365F from the valuation date.</summary>
    /// <exception cref="InvalidInputException">"dates[i]" when not after the valuation date or not strictly
    /// increasing; "rates[i]" when non-finite.</exception>
    public static ZeroRateCurve FromDates(DateOnly valuationDate, IEnumerable<(DateOnly Date, double Rate)> pillars)
    {
        ArgumentNullException.ThrowIfNull(pillars);
        var list = pillars.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Date <= valuationDate)
                Guard.Fail($"dates[{i}]", $"must be after the valuation date {valuationDate:yyyy-MM-dd}, got {list[i].Date:yyyy-MM-dd}");
            if (i > 0 && list[i].Date <= list[i - 1].Date)
                Guard.Fail($"dates[{i}]", $"must be strictly increasing, got {list[i].Date:yyyy-MM-dd} after {list[i - 1].Date:yyyy-MM-dd}");
        }
        return FromTimes(list.Select(p => (DayCount.YearFraction(valuationDate, p.Date), p.Rate)));
    }

    /// <inheritdoc/>
    public double DiscountFactor(double time) => Math.Exp(-ZeroRate(time) * time);

    /// <inheritdoc/>
    public double ZeroRate(double time)
    {
        Guard.NonNegative(time, "time");
        return Interpolation.LinearFlat(Times.AsSpan(), Rates.AsSpan(), time);
    }
}

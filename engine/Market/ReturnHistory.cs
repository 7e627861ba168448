using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// Daily log returns of several series on one date axis: <c>Returns[code][i]</c> is ln(P_i / P_{i−1}), the move that ends on
/// <c>Dates[i]</c>. Series are keyed by underlying code, or by a tenor's key ("EUA 2026-12-21") for curve risk.
/// </summary>
public sealed record ReturnHistory
{
    /// <summary>Creates the history.</summary>
    /// <exception cref="InvalidInputException">"history.dates" when empty or not strictly increasing; "history.returns[CODE]"
    /// when a series is missing, of another length, or holds a non-finite return.</exception>
    public ReturnHistory(IEnumerable<DateOnly> dates, IEnumerable<KeyValuePair<string, ImmutableArray<double>>> returns)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(returns);
        var axis = dates.ToImmutableArray();
        if (axis.IsEmpty) Guard.Fail("history.dates", "must contain at least one date");
        for (int i = 1; i < axis.Length; i++)
            if (axis[i] <= axis[i - 1]) Guard.Fail($"history.dates[{i}]", $"must be after {axis[i - 1]:yyyy-MM-dd}, got {axis[i]:yyyy-MM-dd}");
        var series = ImmutableDictionary.CreateRange(StringComparer.Ordinal, returns);
        foreach (var (code, values) in series)
        {
            if (values.IsDefault || values.Length != axis.Length)
                Guard.Fail($"history.returns[{code}]", $"has {(values.IsDefault ? 0 : values.Length)} returns; the dates are {axis.Length}");
            for (int i = 0; i < values.Length; i++) Guard.Finite(values[i], $"history.returns[{code}][{i}]");
        }
        Dates = axis;
        Returns = series;
    }

    /// <summary>The history of one price series (ascending dates, one price per date): a return per date after the first.</summary>
    /// <exception cref="InvalidInputException">As <see cref="PriceHistory.LogReturns"/>; "dates" when not as many as the prices.</exception>
    public static ReturnHistory FromPrices(string code, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> prices)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.Count != prices.Count) Guard.Fail("dates", $"has {dates.Count} dates for {prices.Count} prices");
        return new ReturnHistory(dates.Skip(1), [new(code, [.. PriceHistory.LogReturns(prices)])]);
    }

    /// <summary>Date each return ends on, strictly increasing.</summary>
    public ImmutableArray<DateOnly> Dates { get; }

    /// <summary>Log returns by series code, aligned with <see cref="Dates"/>.</summary>
    public ImmutableDictionary<string, ImmutableArray<double>> Returns { get; }

    /// <summary>Number of dates (returns per series).</summary>
    public int Length => Dates.Length;
}

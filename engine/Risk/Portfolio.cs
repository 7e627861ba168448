using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// An immutable set of positions reported in <see cref="ReportingCurrency"/>. Structural problems
/// (no id, duplicate ids, a null position) are refused here; a position's own terms and market data
/// are checked when it is priced, so one bad position does not stop the rest.
/// </summary>
public sealed record Portfolio
{
    /// <summary>Creates the portfolio.</summary>
    /// <param name="reportingCurrency">ISO code every aggregate is converted into, e.g. "EUR".</param>
    /// <param name="positions">The positions; ids non-blank and distinct (ordinal).</param>
    /// <exception cref="InvalidInputException">"reportingCurrency" when blank; "positions[i]" when null;
    /// "positions[i].id" when blank or a duplicate (the message names the id and its first index).</exception>
    public Portfolio(string reportingCurrency, IEnumerable<Position> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (string.IsNullOrWhiteSpace(reportingCurrency)) Guard.Fail("reportingCurrency", "must not be empty");
        var list = positions.ToImmutableArray();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i] is null) Guard.Fail($"positions[{i}]", "must not be null");
            string id = list[i].Id;
            if (string.IsNullOrWhiteSpace(id)) Guard.Fail($"positions[{i}].id", "must not be empty");
            if (!first.TryAdd(id, i))
                Guard.Fail($"positions[{i}].id", $"duplicate position id '{id}' (first used by positions[{first[id]}])");
        }
        ReportingCurrency = reportingCurrency;
        Positions = list;
    }

    /// <summary>ISO code of the currency aggregates are reported in.</summary>
    public string ReportingCurrency { get; }

    /// <summary>The positions, in input order.</summary>
    public ImmutableArray<Position> Positions { get; }
}

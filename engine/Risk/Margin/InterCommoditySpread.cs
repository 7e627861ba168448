using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Risk.Margin;

/// <summary>
/// A row of the inter-commodity spread table: opposite net deltas in two underlyings (e.g. long EUA, short UKA) form
/// spreads of <paramref name="Tonnes1"/> : <paramref name="Tonnes2"/>, and each leg's margin is reduced by
/// <paramref name="CreditRate"/> of the scan risk those tonnes carry (its weighted price risk, scan risk / |net delta|).
/// Rows are applied in table order; a tonne of delta counts in one spread only.
/// </summary>
/// <param name="Underlying1">First underlying; must have scan parameters.</param>
/// <param name="Underlying2">Second underlying; must have scan parameters, and differ from the first.</param>
/// <param name="Tonnes1">Delta tonnes of the first per spread; &gt; 0.</param>
/// <param name="Tonnes2">Delta tonnes of the second per spread; &gt; 0.</param>
/// <param name="CreditRate">Share of the spread legs' risk credited; in (0, 1].</param>
public sealed record InterCommoditySpread(string Underlying1, string Underlying2, double Tonnes1, double Tonnes2, double CreditRate)
{
    /// <summary>Checks the row against the underlyings that have scan parameters.</summary>
    /// <exception cref="InvalidInputException">"{field}.underlying1" / "underlying2" when unknown or equal; "{field}.tonnes1",
    /// "tonnes2", "creditRate".</exception>
    public void Validate(string field, IReadOnlyDictionary<string, ScanParameters> underlyings)
    {
        foreach (var (name, code) in new[] { ("underlying1", Underlying1), ("underlying2", Underlying2) })
            if (code is null || !underlyings.ContainsKey(code))
                Guard.Fail($"{field}.{name}", $"unknown underlying '{code}': the settings have no scan parameters for it " +
                    $"(known: {string.Join(", ", underlyings.Keys.Order(StringComparer.Ordinal))})");
        if (string.Equals(Underlying1, Underlying2, StringComparison.Ordinal))
            Guard.Fail($"{field}.underlying2", $"must differ from underlying1 ({Underlying1}): calendar spreads are the inter-month charge's");
        Guard.Positive(Tonnes1, $"{field}.tonnes1");
        Guard.Positive(Tonnes2, $"{field}.tonnes2");
        Guard.Positive(CreditRate, $"{field}.creditRate");
        if (CreditRate > 1) Guard.Fail($"{field}.creditRate", $"must not exceed 1, got {CreditRate}");
    }
}

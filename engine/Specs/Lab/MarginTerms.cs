using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Specs.Lab;

/// <summary>
/// Margin and limit settings a designer weighs for a contract: an initial margin per lot and a daily price limit as a
/// fraction of the previous settlement, either of them absent.
/// </summary>
/// <param name="InitialMarginPerLot">Currency per lot; &gt; 0; null for none.</param>
/// <param name="LimitFraction">±f of the previous settlement, in (0, 1); null for none.</param>
public sealed record MarginTerms(double? InitialMarginPerLot, double? LimitFraction)
{
    /// <summary>Checks the terms; <paramref name="field"/> prefixes the names in errors.</summary>
    /// <exception cref="InvalidInputException">"FIELD.initialMarginPerLot" or "FIELD.limitFraction".</exception>
    public void Validate(string field)
    {
        if (InitialMarginPerLot is { } margin) Guard.Positive(margin, $"{field}.initialMarginPerLot");
        if (LimitFraction is { } limit && !(limit > 0 && limit < 1))
            Guard.Fail($"{field}.limitFraction", $"must lie strictly between 0 and 1 (a fraction of the previous settlement), got {limit}");
    }
}

/// <summary>
/// One row of the lab's side-by-side margin comparison: a set of <see cref="MarginTerms"/> read on the same simulated
/// paths as every other row (so rows differ only by their terms), and on the same history when the lab back-tests.
/// </summary>
/// <param name="Terms">The margin and limit compared.</param>
/// <param name="FromSpec">True for the spec's own terms (the first row).</param>
/// <param name="Coverage">Simulated coverage of the margin; null without one.</param>
/// <param name="PriceLimit">Simulated effect of the limit; null without one.</param>
/// <param name="Historical">The back-test under these terms; null without a history.</param>
public sealed record MarginComparison(MarginTerms Terms, bool FromSpec, MarginCoverage? Coverage, PriceLimitEffect? PriceLimit, HistoricalMargin? Historical);

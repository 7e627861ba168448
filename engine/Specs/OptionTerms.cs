namespace CarbonDerivatives.Engine.Specs;

/// <summary>Exercise style of an option.</summary>
public enum ExerciseStyle
{
    /// <summary>Exercise at expiry only.</summary>
    European,

    /// <summary>Exercise on any trading day up to expiry.</summary>
    American,
}

/// <summary>Which contract of the underlying future an option month exercises into.</summary>
public enum UnderlyingMonth
{
    /// <summary>The future of the option's own contract month.</summary>
    SameMonth,

    /// <summary>The December future of the option's year (ICE EUA quarterly options).</summary>
    DecemberOfSameYear,
}

/// <summary>
/// Strikes listed around the money: the at-the-money strike (the futures price rounded to the nearest
/// multiple of <see cref="Spacing"/>) and <see cref="StrikesEachSide"/> strikes above and below it.
/// </summary>
/// <param name="Spacing">Strike interval in currency per unit; a positive multiple of the tick size.</param>
/// <param name="StrikesEachSide">Strikes listed on each side of at-the-money; 1–50.</param>
public sealed record StrikeListingRule(double Spacing, int StrikesEachSide);

/// <summary>Terms of an option spec.</summary>
/// <param name="UnderlyingFuture">Code of the futures spec it exercises into; must exist in the library.</param>
/// <param name="Style">European or American.</param>
/// <param name="UnderlyingMonth">Which futures contract a given option month exercises into.</param>
/// <param name="StrikeListing">Strike listing rule; null when the source states none.</param>
/// <param name="Exercise">Exercise procedure as the source states it (e.g. "automatic if in the money").</param>
public sealed record OptionTerms(string? UnderlyingFuture, ExerciseStyle? Style, UnderlyingMonth UnderlyingMonth = UnderlyingMonth.SameMonth,
    StrikeListingRule? StrikeListing = null, string? Exercise = null);

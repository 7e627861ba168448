using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Products;

/// <summary>
/// A pollution (discharge) permit as China's 排污权 pilots and the US Acid Rain programme issue them: a right to emit
/// <paramref name="AnnualQuantity"/> tonnes of a substance in each year of its validity period, starting with the
/// <paramref name="Vintage"/> year, for <paramref name="ValidityYears"/> years (permits are re-verified every 5 years under
/// 国办发〔2014〕38号). A bankable permit's unused quantity carries into later years of its validity (US SO2: usable in
/// the vintage year or later); a permit that is not bankable loses each year's unused quantity at the year's end.
/// </summary>
/// <param name="Substance">What it permits: "so2", "nox", "cod", "nh3N", as the spec schema's unit.substance.</param>
/// <param name="AnnualQuantity">Tonnes per year; &gt; 0.</param>
/// <param name="Vintage">First year it may be used.</param>
/// <param name="ValidityYears">Years of validity from the vintage; in [1, 100].</param>
/// <param name="Bankable">Whether unused quantity carries into later years of validity.</param>
public sealed record PollutionPermit(string Substance, double AnnualQuantity, int Vintage, int ValidityYears, bool Bankable)
{
    /// <summary>Last year the permit may be used.</summary>
    public int LastYear => Vintage + ValidityYears - 1;

    /// <summary>Whether the permit may be used for emissions of <paramref name="year"/>.</summary>
    public bool UsableIn(int year) => year >= Vintage && year <= LastYear;

    /// <summary>
    /// Tonnes the holder may still emit in <paramref name="year"/> after <paramref name="usedBefore"/> tonnes in earlier
    /// years: the year's quantity alone, or — bankable — every year's quantity up to and including this one, less what
    /// was used; 0 outside the validity.
    /// </summary>
    /// <exception cref="InvalidInputException">"usedBefore" when negative or more than banking allows.</exception>
    public double AvailableIn(int year, double usedBefore = 0)
    {
        Guard.NonNegative(usedBefore, "usedBefore");
        if (!UsableIn(year)) return 0;
        if (!Bankable) return AnnualQuantity;
        double granted = AnnualQuantity * (year - Vintage + 1);
        if (usedBefore > granted - AnnualQuantity)
            Guard.Fail("usedBefore", $"{usedBefore} t exceeds the {granted - AnnualQuantity} t granted before {year}");
        return granted - usedBefore;
    }

    /// <summary>Years of validity left on <paramref name="date"/>, counting the current year: 0 once expired.</summary>
    public int RemainingYears(DateOnly date) => Math.Max(0, LastYear - Math.Max(date.Year, Vintage) + 1);

    /// <summary>
    /// Value per permit on <paramref name="date"/> at <paramref name="pricePerTonneYear"/> (the price of one tonne of one
    /// year's use, as the Zhejiang index quotes CNY per t·yr): AnnualQuantity × price × the years left. Unused past years
    /// of a bankable permit are not counted (only the holder knows them).
    /// </summary>
    /// <exception cref="InvalidInputException">"pricePerTonneYear" when negative or not finite.</exception>
    public double Value(DateOnly date, double pricePerTonneYear) =>
        AnnualQuantity * Guard.NonNegative(pricePerTonneYear, "pricePerTonneYear") * RemainingYears(date);

    /// <summary>Checks the terms.</summary>
    /// <exception cref="InvalidInputException">"substance", "annualQuantity", "vintage" or "validityYears".</exception>
    public void Validate()
    {
        if (Substance is not ("so2" or "nox" or "cod" or "nh3N"))
            Guard.Fail("substance", $"must be so2, nox, cod or nh3N, got '{Substance}'");
        Guard.Positive(AnnualQuantity, "annualQuantity");
        Guard.InRange(Vintage, 1990, 2200, "vintage");
        Guard.InRange(ValidityYears, 1, 100, "validityYears");
    }
}

using System.Collections.Immutable;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>
/// Immutable market data for one valuation date: a default discount curve and optional curves by
/// currency, and futures curves and volatility surfaces keyed by underlying code (e.g. "EUA", "UKA"; ordinal,
/// case-sensitive). Handed to every pricer; there is no ambient evaluation date.
/// </summary>
public sealed record MarketSnapshot
{
    /// <summary>Creates the snapshot.</summary>
    /// <param name="valuationDate">Date every time in the snapshot is measured from.</param>
    /// <param name="discount">Discount curve, times in years from <paramref name="valuationDate"/>.</param>
    /// <param name="futuresCurves">Futures curves by underlying; each must share the valuation date.</param>
    /// <param name="volSurfaces">Volatility surfaces by underlying.</param>
    /// <param name="discountByCurrency">Discount curves by ISO currency (e.g. GBP for UKA options); a currency
    /// without one uses <paramref name="discount"/>.</param>
    /// <exception cref="InvalidInputException">"market.futures[CODE]" when a curve is null or observed on
    /// another date; "market.volatilities[CODE]" when a surface is null; "market.discountByCurrency[CCY]" when a curve is null.</exception>
    public MarketSnapshot(DateOnly valuationDate, IDiscountCurve discount,
        IEnumerable<KeyValuePair<string, FuturesCurve>>? futuresCurves = null,
        IEnumerable<KeyValuePair<string, IVolSurface>>? volSurfaces = null,
        IEnumerable<KeyValuePair<string, IDiscountCurve>>? discountByCurrency = null)
    {
        if (discount is null) Guard.Fail("market.discount", "must be provided");
        var futures = ImmutableDictionary.CreateRange(StringComparer.Ordinal,
            futuresCurves ?? Enumerable.Empty<KeyValuePair<string, FuturesCurve>>());
        foreach (var (code, curve) in futures)
        {
            if (curve is null) Guard.Fail($"market.futures[{code}]", "must not be null");
            if (curve.ValuationDate != valuationDate)
                Guard.Fail($"market.futures[{code}]", $"is observed on {curve.ValuationDate:yyyy-MM-dd}, not the valuation date {valuationDate:yyyy-MM-dd}");
        }
        var vols = ImmutableDictionary.CreateRange(StringComparer.Ordinal,
            volSurfaces ?? Enumerable.Empty<KeyValuePair<string, IVolSurface>>());
        foreach (var (code, surface) in vols)
            if (surface is null) Guard.Fail($"market.volatilities[{code}]", "must not be null");

        var byCurrency = ImmutableDictionary.CreateRange(StringComparer.Ordinal,
            discountByCurrency ?? Enumerable.Empty<KeyValuePair<string, IDiscountCurve>>());
        foreach (var (currency, curve) in byCurrency)
            if (curve is null) Guard.Fail($"market.discountByCurrency[{currency}]", "must not be null");
        ValuationDate = valuationDate;
        Discount = discount;
        DiscountByCurrency = byCurrency;
        FuturesCurves = futures;
        VolSurfaces = vols;
    }

    /// <summary>Valuation date; times are ACT/365F year fractions from it.</summary>
    public DateOnly ValuationDate { get; }

    /// <summary>The default discount curve: for every currency without its own.</summary>
    public IDiscountCurve Discount { get; }

    /// <summary>Discount curves by ISO currency.</summary>
    public ImmutableDictionary<string, IDiscountCurve> DiscountByCurrency { get; }

    /// <summary>The discount curve of cash flows in <paramref name="currency"/>: its own, else the default.</summary>
    public IDiscountCurve DiscountFor(string currency) => DiscountByCurrency.TryGetValue(currency, out var curve) ? curve : Discount;

    /// <summary>Futures curves by underlying code.</summary>
    public ImmutableDictionary<string, FuturesCurve> FuturesCurves { get; }

    /// <summary>Volatility surfaces by underlying code.</summary>
    public ImmutableDictionary<string, IVolSurface> VolSurfaces { get; }

    /// <summary>The futures curve of <paramref name="underlying"/>.</summary>
    /// <exception cref="InvalidInputException">"market.futures[CODE]" when the snapshot has none.</exception>
    public FuturesCurve FuturesCurveFor(string underlying)
    {
        if (!FuturesCurves.TryGetValue(underlying, out var curve))
            Guard.Fail($"market.futures[{underlying}]", "no futures curve for this underlying in the market snapshot");
        return curve;
    }

    /// <summary>The volatility surface of <paramref name="underlying"/>.</summary>
    /// <exception cref="InvalidInputException">"market.volatilities[CODE]" when the snapshot has none.</exception>
    public IVolSurface VolSurfaceFor(string underlying)
    {
        if (!VolSurfaces.TryGetValue(underlying, out var surface))
            Guard.Fail($"market.volatilities[{underlying}]", "no volatility surface for this underlying in the market snapshot");
        return surface;
    }

    /// <summary>Year fraction (ACT/365F) from the valuation date to <paramref name="date"/>.</summary>
    public double TimeTo(DateOnly date) => DayCount.YearFraction(ValuationDate, date);
}

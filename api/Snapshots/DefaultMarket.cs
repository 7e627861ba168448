using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Snapshots;

/// <summary>
/// The embedded sample snapshot "default", so a newcomer can price at once. Levels from the shared
/// MARKETS.md (March 2026): EUA Dec curve 70.76 / 72.83 / 75.09 / 77.70 (EUR), ATM Dec vol ~46%;
/// UKA with 4.5% carry; CCA (USD); China CEA (CNY, spot-like, 2025 level 67.51); US SO2 allowances.
/// Illustrative rates and vols; replace them with live data via MarketDataService.PutSnapshot.
/// </summary>
public static class DefaultMarket
{
    public const string Id = "default";

    public static MarketData Message() => new()
    {
        ValuationDate = "2026-03-02",
        Discount = new DiscountCurve { FlatRate = 0.025 },
        Futures =
        {
            Curve("EUA", ("2026-12-21", 70.76), ("2027-12-20", 72.83), ("2028-12-18", 75.09), ("2029-12-24", 77.70)),
            Curve("UKA", ("2026-12-21", 42.10), ("2027-12-20", 44.00), ("2028-12-18", 46.00)),
            Curve("CCA", ("2026-12-24", 29.50), ("2027-12-23", 31.40)),
            Curve("CEA", ("2026-12-31", 67.51), ("2027-12-31", 69.20)),
            Curve("SO2", ("2026-12-31", 70.00), ("2027-12-31", 71.50)),
        },
        Volatilities =
        {
            new VolSurface { Underlying = "EUA", TermStructure = new VolTermStructure { Expiries = { 0.25, 0.79, 1.8 }, Volatilities = { 0.48, 0.46, 0.42 } } },
            new VolSurface { Underlying = "UKA", Flat = 0.50 },
            new VolSurface { Underlying = "CCA", Flat = 0.25 },
            new VolSurface { Underlying = "CEA", Flat = 0.30 },
            new VolSurface { Underlying = "SO2", Flat = 0.60 },
        },
    };

    public static StoredSnapshot Snapshot()
    {
        var message = Message();
        return new StoredSnapshot(Id, message, MarketMapper.ToDomain(message, "market"));
    }

    private static FuturesCurve Curve(string underlying, params (string Delivery, double Price)[] quotes)
    {
        var curve = new FuturesCurve { Underlying = underlying };
        foreach (var (delivery, price) in quotes) curve.Quotes.Add(new FuturesQuote { Delivery = delivery, Price = price });
        return curve;
    }
}

using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// Markets and positions shared by the risk tests: EUA Dec-26/27/28 futures from MARKETS.md (March 2026:
/// 70.76, 72.83, 75.09), UKA, CCA, CEA and SO2 curves, a vol term structure per underlying, flat 2.5% rates.
/// </summary>
internal static class RiskFixtures
{
    /// <summary>Risk settings with <paramref name="method"/> and antithetic Monte Carlo of <paramref name="paths"/> paths.</summary>
    public static CarbonDerivatives.Engine.Risk.RiskSettings Settings(CarbonDerivatives.Engine.Pricing.ValuationMethod method, long paths,
        ulong seed = 20_260_101) => new()
    {
        Method = method,
        MonteCarlo = new CarbonDerivatives.Engine.Simulation.MonteCarloSettings { Paths = paths, Seed = seed, Antithetic = true },
    };

    public static readonly DateOnly Today = new(2026, 3, 2);
    public static readonly DateOnly Dec26 = new(2026, 12, 21), Dec27 = new(2027, 12, 20), Dec28 = new(2028, 12, 18);
    public const double Rate = 0.025;

    public static readonly (string Code, string Currency, double Dec26, double Dec27, double Dec28, double Vol)[] Underlyings =
    [
        ("EUA", "EUR", 70.76, 72.83, 75.09, 0.46),
        ("UKA", "GBP", 45.10, 47.20, 49.30, 0.50),
        ("CCA", "USD", 29.50, 31.00, 32.60, 0.25),
        ("CEA", "CNY", 68.00, 70.00, 72.00, 0.35),
        ("SO2", "USD", 5.00, 5.20, 5.40, 0.80),
    ];

    /// <summary>The market: one futures curve and one vol term structure (vol rising 10% from 0.25y to 3y) per underlying.</summary>
    public static MarketSnapshot EuaMarket(double priceFactor = 1.0, double volShift = 0.0)
    {
        var curves = Underlyings.Select(u => new KeyValuePair<string, FuturesCurve>(u.Code,
            new FuturesCurve(Today, [(Dec26, u.Dec26 * priceFactor), (Dec27, u.Dec27 * priceFactor), (Dec28, u.Dec28 * priceFactor)])));
        var vols = Underlyings.Select(u => new KeyValuePair<string, IVolSurface>(u.Code,
            new VolTermStructure([0.25, 3.0], [u.Vol + volShift, u.Vol * 1.1 + volShift])));
        return new MarketSnapshot(Today, new FlatDiscountCurve(Rate), curves, vols);
    }

    /// <summary>EUR per unit: EUR 1, GBP 1.17, USD 0.92, CNY 0.127.</summary>
    public static FxRates Fx { get; } = new("EUR", [new("GBP", 1.17), new("USD", 0.92), new("CNY", 0.127)]);

    public static string CurrencyOf(string code) => Underlyings.Single(u => u.Code == code).Currency;

    /// <summary>An option on an underlying's future, 1,000 t per lot.</summary>
    public static FuturesOption Option(string code, OptionType type, double strike, DateOnly expiry, DateOnly delivery) =>
        new(code, type, strike, expiry, delivery, 1000, CurrencyOf(code));

    public static Position Long(string id, IAllowanceInstrument instrument, double lots = 1) => new(id, instrument, lots, PositionSide.Long);

    /// <summary>
    /// Ten EUA options (calls and puts, strikes 50..100, expiries Jun-26 .. Dec-27 on the Dec-26 and Dec-27
    /// futures): the Greeks cases.
    /// </summary>
    public static IReadOnlyList<FuturesOption> TenEuaOptions() =>
    [
        Option("EUA", OptionType.Call, 70, new DateOnly(2026, 12, 16), Dec26),
        Option("EUA", OptionType.Put, 70, new DateOnly(2026, 12, 16), Dec26),
        Option("EUA", OptionType.Call, 55, new DateOnly(2026, 12, 16), Dec26),
        Option("EUA", OptionType.Put, 90, new DateOnly(2026, 12, 16), Dec26),
        Option("EUA", OptionType.Call, 95, new DateOnly(2026, 6, 17), Dec26),
        Option("EUA", OptionType.Put, 60, new DateOnly(2026, 6, 17), Dec26),
        Option("EUA", OptionType.Call, 75, new DateOnly(2026, 9, 16), Dec26),
        Option("EUA", OptionType.Call, 73, new DateOnly(2027, 12, 15), Dec27),
        Option("EUA", OptionType.Put, 50, new DateOnly(2027, 12, 15), Dec27),
        Option("EUA", OptionType.Call, 100, new DateOnly(2027, 12, 15), Dec27),
    ];
}

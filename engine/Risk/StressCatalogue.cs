using System.Collections.Immutable;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// Historical-style stresses carried as data (MARKETS.md, "stress shocks worth replaying"). A shock
/// is the relative price change to apply (F → F·(1 + shock)); MARKETS.md quotes one-day moves as log
/// returns (the backloading vote's "−43.5%" is ln(3.03/4.68)), so each shock here is e^r − 1 of the
/// closes in the repository's data/eua_front_dec_daily_2008_2026.csv (2006: data/eua_daily_2005_2024.csv;
/// checked by tests/Data/ShippedDataTests). Price moves
/// only: no vol shift is recorded for these events, so <see cref="StressScenario.VolShock"/> is 0; add one
/// in a user scenario.
/// </summary>
public static class StressCatalogue
{
    private static StressScenario Scenario(string name, string description, string underlying, double shock, int days) =>
        new(name, description, ImmutableDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal).Add(underlying, shock), 0, days);

    /// <summary>EUA collapse of April 2006 when verified emissions came in below the cap: 29.85 to 11.40 in 9 days, −61.8%.</summary>
    public static StressScenario EuaApril2006Collapse { get; } = Scenario("EUA April 2006 collapse",
        "Phase I verified emissions below the cap: EUA 29.85 (2006-04-24) to 11.40 (2006-05-02), -61.8% in 9 days", "EUA", -0.618, 9);

    /// <summary>2013-04-16, European Parliament rejects backloading: 4.68 to 3.03, −35.3% (log −43.5%; worst day 2008–2026).</summary>
    public static StressScenario EuaBackloadingVote2013 { get; } = Scenario("EUA backloading vote 2013-04-16",
        "European Parliament rejects backloading: EUA 4.68 to 3.03 in one day, -35.3% (log return -43.5%)", "EUA", -0.3526, 1);

    /// <summary>Brexit referendum result, 2016-06-24: EUA 5.63 to 4.95, −12.1% (log −12.9%).</summary>
    public static StressScenario Brexit2016 { get; } = Scenario("Brexit 2016-06-24",
        "UK votes to leave the EU: EUA 5.63 to 4.95 in one day, -12.1% (log return -12.9%)", "EUA", -0.1208, 1);

    /// <summary>COVID sell-off, 2020-03-18: EUA 19.05 to 16.12, −15.4% (log −16.7%).</summary>
    public static StressScenario Covid2020 { get; } = Scenario("COVID 2020-03-18",
        "March 2020 sell-off: EUA 19.05 to 16.12 in one day, -15.4% (log return -16.7%)", "EUA", -0.1538, 1);

    /// <summary>Invasion of Ukraine, 2022-03-01: EUA 82.21 to 68.85, −16.3% (log −17.7%).</summary>
    public static StressScenario Ukraine2022 { get; } = Scenario("Ukraine invasion 2022-03-01",
        "EUA 82.21 to 68.85 in one day, -16.3% (log return -17.7%)", "EUA", -0.1625, 1);

    /// <summary>Rebound of 2022-03-08: EUA 58.30 to 68.51, +17.5% (log +16.1%).</summary>
    public static StressScenario Rebound2022 { get; } = Scenario("EUA rebound 2022-03-08",
        "EUA 58.30 to 68.51 in one day, +17.5% (log return +16.1%)", "EUA", 0.1751, 1);

    /// <summary>Regulatory jump: UK–EU ETS linkage news, 2025-01-28: UKA +13.5% (MARKETS.md; no UKA series here to tell a log from a simple move).</summary>
    public static StressScenario UkaLinkage2025 { get; } = Scenario("UKA linkage news 2025-01-28",
        "Regulatory jump: UK-EU ETS linkage announced, UKA +13.5% in one day", "UKA", 0.135, 1);

    /// <summary>Regulatory jump: Phase I allowances expire without banking into Phase II (2007): to EUR 0.01, applied instantly.</summary>
    public static StressScenario PhaseOneExpiry2007 { get; } = Scenario("EUA Phase I expiry 2007",
        "Regulatory jump: no banking from Phase I, Phase I EUAs fall to EUR 0.01 during 2007 (-99%), applied instantly", "EUA", -0.99, 0);

    /// <summary>US Acid Rain SO2 allowances, auction price USD 703 (2005) to USD 70 (2009): −90%, applied instantly.</summary>
    public static StressScenario So2Collapse2005To2009 { get; } = Scenario("SO2 allowance collapse 2005-2009",
        "Regulatory jump: CAIR court ruling and overallocation, SO2 auction price USD 703 (2005) to USD 70 (2009), -90%, applied instantly",
        "SO2", -0.90, 0);

    /// <summary>Hypothetical curve and vol stresses (not events): the EUA curve steepens or flattens by 5% per year of delivery, and a
    /// sell-off with vols up 20 points.</summary>
    public static ImmutableArray<StressScenario> Hypothetical { get; } =
    [
        new StressScenario("EUA curve steepening", "Hypothetical: each EUA delivery T years away rises 5% x T more than spot (carry widens)",
            ImmutableDictionary<string, double>.Empty, 0, 1) { SlopeShocks = ImmutableDictionary<string, double>.Empty.Add("EUA", 0.05) },
        new StressScenario("EUA curve flattening", "Hypothetical: each EUA delivery T years away falls 5% x T against spot (carry narrows)",
            ImmutableDictionary<string, double>.Empty, 0, 1) { SlopeShocks = ImmutableDictionary<string, double>.Empty.Add("EUA", -0.05) },
        new StressScenario("EUA sell-off with a vol spike", "Hypothetical: EUA -15% in a day with implied vols up 20 points",
            ImmutableDictionary<string, double>.Empty.Add("EUA", -0.15), 0.20, 1),
    ];

    /// <summary>Hypothetical, not a recorded event: the EUA put skew steepens from about −3 to about −6 vol points of 25-delta
    /// risk reversal (a 25-delta put sits near k = −0.2 and a call near k = +0.3 at a year: −0.06 per unit of k moves the
    /// reversal by about −3 points) as prices fall 10%.</summary>
    public static StressScenario EuaSkewSteepening { get; } = new("EUA skew steepening",
        "Hypothetical: the put skew steepens, 25-delta risk reversal about -3 to -6 vol points (-0.06 vol per unit of ln(K/F)), futures -10%",
        ImmutableDictionary<string, double>.Empty.Add("EUA", -0.10), SkewShock: -0.06);

    /// <summary>Hypothetical: the whole EUA smile lifts 5 vol points and its wings 2.5 points more at k = ±0.5.</summary>
    public static StressScenario EuaSmileShift { get; } = new("EUA smile shift",
        "Hypothetical: EUA vols +5 points at the money, wings +2.5 points more at ln(K/F) = +-0.5 (+0.10 vol per unit of ln(K/F)^2)",
        ImmutableDictionary<string, double>.Empty.Add("EUA", 0.0), VolShock: 0.05, SmileShock: 0.10);

    /// <summary>The scenarios that reshape the smile.</summary>
    public static ImmutableArray<StressScenario> Smile { get; } = [EuaSkewSteepening, EuaSmileShift];

    /// <summary>Every historical scenario above.</summary>
    public static ImmutableArray<StressScenario> Historical { get; } =
    [
        EuaApril2006Collapse, EuaBackloadingVote2013, Brexit2016, Covid2020, Ukraine2022, Rebound2022, UkaLinkage2025,
        PhaseOneExpiry2007, So2Collapse2005To2009,
    ];
}

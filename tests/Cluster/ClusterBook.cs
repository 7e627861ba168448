using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>
/// The cluster tests' book: 300 positions over the five underlyings of the default snapshot (EUA, UKA, CCA, CEA, SO2),
/// options of three expiries on each front future with strikes 80%..120% of it, and futures, in four currencies. Proto
/// messages only: the cluster benchmark compiles this file too.
/// </summary>
internal static class ClusterBook
{
    private static readonly (string Code, string Currency, string Delivery, double Forward)[] Underlyings =
    [
        ("EUA", "EUR", "2026-12-21", 70.76),
        ("UKA", "GBP", "2026-12-21", 42.10),
        ("CCA", "USD", "2026-12-24", 29.50),
        ("CEA", "CNY", "2026-12-31", 67.51),
        ("SO2", "USD", "2026-12-31", 70.00),
    ];

    private static readonly string[] Expiries = ["2026-06-15", "2026-09-15", "2026-12-10"];

    /// <summary>The book's inputs against the default snapshot, priced by Monte Carlo with <paramref name="paths"/> paths.</summary>
    public static RiskInputs Inputs(long paths, ulong seed = 11) => new()
    {
        Portfolio = new Portfolio { ReportingCurrency = "EUR", Positions = { Enumerable.Range(0, 300).Select(Position) } },
        Market = new MarketSource { SnapshotId = "default" },
        FxRates = { ["GBP"] = 1.17, ["USD"] = 0.92, ["CNY"] = 0.127 },
        Settings = new RiskSettings { Method = PricingMethod.MonteCarlo, MonteCarlo = new MonteCarloSettings { Paths = paths, Seed = seed } },
    };

    private static Position Position(int i)
    {
        var (code, currency, delivery, forward) = Underlyings[i % Underlyings.Length];
        var side = i % 3 == 0 ? PositionSide.Short : PositionSide.Long;
        if (i % 6 == 5)
            return new Position
            {
                Id = $"f{i}", Lots = 1 + i % 4, Side = side,
                Instrument = new Instrument { Future = new AllowanceFuture { Underlying = code, Delivery = delivery, LotSize = 1000, Currency = currency, TradePrice = forward } },
            };
        return new Position
        {
            Id = $"o{i}", Lots = 1 + i % 7, Side = side,
            Instrument = new Instrument
            {
                FuturesOption = new FuturesOption
                {
                    Underlying = code, Right = i % 2 == 0 ? OptionRight.Call : OptionRight.Put, Strike = Math.Round(forward * (0.8 + 0.05 * (i % 9)), 2),
                    Expiry = Expiries[i / 5 % Expiries.Length], FuturesDelivery = delivery, LotSize = 1000, Currency = currency,
                },
            },
        };
    }

    /// <summary>The result without its wall times, to compare bits (protobuf equality compares doubles bit for bit).</summary>
    public static SensitivitiesResult WithoutTimings(SensitivitiesResult result)
    {
        result.Timing = null;
        foreach (var s in result.Simulations) s.ElapsedMs = 0;
        return result;
    }
}

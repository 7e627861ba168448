using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Tests.Api;

/// <summary>Request builders for the server tests: ICE EUA Dec-26 options against the default snapshot.</summary>
internal static class Requests
{
    public static PriceRequest EuaDec26(OptionRight right = OptionRight.Call, double strike = 75, string id = "t1") => new()
    {
        RequestId = id,
        Instrument = new Instrument
        {
            FuturesOption = new FuturesOption
            {
                Underlying = "EUA", Right = right, Strike = strike, Expiry = "2026-12-16", FuturesDelivery = "2026-12-21",
                LotSize = 1000, Currency = "EUR",
            },
        },
        Market = new MarketSource { SnapshotId = "default" },
    };

    public static PriceRequest MonteCarlo(this PriceRequest request, long paths, int steps = 1, ulong seed = 7)
    {
        request.Method = PricingMethod.MonteCarlo;
        request.MonteCarlo = new MonteCarloSettings { Paths = paths, Steps = steps, Seed = seed };
        return request;
    }

    /// <summary>
    /// A simulation of about 10^9 path-steps (seconds of work): an American EUA Dec-26 put by Longstaff–Schwartz,
    /// 20 million paths, 50 exercise steps. European options are stepped exactly, so only path-dependent work is long.
    /// </summary>
    public static PriceRequest LongSimulation()
    {
        var request = EuaDec26(OptionRight.Put, 80).MonteCarlo(20_000_000);
        request.Instrument.FuturesOption.ExerciseStyle = ExerciseStyle.American;
        request.MonteCarlo.Steps = 0;
        request.Grid = new TimeGrid { ExerciseSteps = 50 };
        return request;
    }

    /// <summary>An inline market: flat 3% rate, EUA Dec-26 at 80, flat 45% vol, valued 2026-03-02.</summary>
    public static MarketData InlineMarket() => new()
    {
        ValuationDate = "2026-03-02",
        Discount = new DiscountCurve { FlatRate = 0.03 },
        Futures = { new FuturesCurve { Underlying = "EUA", Quotes = { new FuturesQuote { Delivery = "2026-12-21", Price = 80 } } } },
        Volatilities = { new VolSurface { Underlying = "EUA", Flat = 0.45 } },
    };
}

using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>The request the load generator repeats: ICE EUA Dec-26 call, strike 75, against the server's "default" snapshot.</summary>
public static class LoadRequests
{
    public static PriceRequest For(LoadKind kind, long paths)
    {
        var request = new PriceRequest
        {
            RequestId = "load",
            Instrument = new Instrument
            {
                FuturesOption = new FuturesOption
                {
                    Underlying = "EUA", Right = OptionRight.Call, Strike = 75, Expiry = "2026-12-16", FuturesDelivery = "2026-12-21",
                    LotSize = 1000, Currency = "EUR",
                },
            },
            Market = new MarketSource { SnapshotId = "default" },
            Method = kind == LoadKind.Analytic ? PricingMethod.Analytic : PricingMethod.MonteCarlo,
        };
        if (kind == LoadKind.MonteCarlo)
            request.MonteCarlo = new MonteCarloSettings { Paths = paths, Steps = 1, Seed = 7, Antithetic = true, ControlVariate = true };
        return request;
    }
}

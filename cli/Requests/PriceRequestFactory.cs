using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Requests;

/// <summary>
/// Builds a <see cref="PriceRequest"/> from the quick flags. Pure: no I/O. Only what the flags
/// themselves can get wrong is checked here (--call with --put, a malformed --merton); the server
/// validates the rest and names the field.
/// </summary>
internal static class PriceRequestFactory
{
    public static PriceRequest FromFlags(QuickPriceFlags flags)
    {
        if (flags.Call && flags.Put) throw new UsageException("--call and --put: give one of them");
        var request = new PriceRequest
        {
            RequestId = flags.RequestId ?? "",
            Instrument = new Instrument
            {
                FuturesOption = new FuturesOption
                {
                    Underlying = flags.Underlying ?? "",
                    Right = flags.Call ? OptionRight.Call : flags.Put ? OptionRight.Put : OptionRight.Unspecified,
                    Strike = flags.Strike,
                    Expiry = flags.Expiry ?? "",
                    FuturesDelivery = flags.Delivery ?? "",
                    LotSize = flags.LotSize,
                    Currency = flags.Currency,
                },
            },
            Market = new MarketSource { SnapshotId = flags.Snapshot },
            Quantity = flags.Quantity,
            Greeks = flags.Greeks,
            Method = flags.MonteCarlo ? PricingMethod.MonteCarlo : PricingMethod.Analytic,
        };
        if (flags.Merton is not null) request.Model = new Model { Merton = MertonParameters.Parse(flags.Merton) };
        if (flags.MonteCarlo)
        {
            request.MonteCarlo = new MonteCarloSettings
            {
                Paths = flags.Paths,
                Steps = flags.Steps,
                Seed = flags.Seed,
                Antithetic = flags.Antithetic,
                ControlVariate = flags.ControlVariate,
                Precision = flags.SinglePrecision ? SimulationPrecision.Single : SimulationPrecision.Unspecified,
            };
        }
        return request;
    }
}

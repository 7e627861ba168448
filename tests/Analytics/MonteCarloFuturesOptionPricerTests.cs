using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Tests.Support;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// An ICE EUA Dec-26 option resolved against a market snapshot (MARKETS.md: Dec26 70.76, Dec27 72.83,
/// option expiry 2026-12-16), priced per lot by Monte Carlo against the closed forms per lot.
/// </summary>
public class MonteCarloFuturesOptionPricerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ResolvedFuturesOption EuaDec26Call(double strike)
    {
        var market = new MarketSnapshot(Today, new FlatDiscountCurve(0.025),
            [new("EUA", new FuturesCurve(Today, [(new DateOnly(2026, 12, 21), 70.76), (new DateOnly(2027, 12, 20), 72.83)]))],
            [new("EUA", new FlatVolSurface(0.46))]);
        var option = new FuturesOption("EUA", OptionType.Call, strike, new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 21), 1000, "EUR");
        return option.Resolve(market);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(72)]
    [InlineData(95)]
    public void PriceBlack76_EuaDec26Option_PerLotWithinFourSEOfClosedForm(double strike)
    {
        var option = EuaDec26Call(strike);
        var estimate = MonteCarloRuns.Option(option, new MonteCarloSettings { Paths = 200_000, Seed = 41, ControlVariate = true });
        McAssert.WithinStandardErrors(Black76OptionPricer.Price(option), estimate);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(95)]
    public void PriceMerton_EuaDec26Option_PerLotWithinFourSEOfMertonSeries(double strike)
    {
        var option = EuaDec26Call(strike);
        var jumps = new LogNormalJumps(6.1, -0.029, 0.083);
        var estimate = MonteCarloRuns.Option(option, new MonteCarloSettings { Paths = 200_000, Seed = 42 }, new MertonDynamics(jumps));
        double reference = option.LotSize * MertonJumpDiffusion.Price(option.Type, option.Forward, option.Strike, option.Expiry,
            option.Volatility, jumps.Intensity, jumps.MeanLogJump, jumps.LogJumpVolatility, option.DiscountFactor);
        McAssert.WithinStandardErrors(reference, estimate);
    }
}

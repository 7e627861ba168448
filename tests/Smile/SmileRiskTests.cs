using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using Xunit;

namespace CarbonDerivatives.Tests.Smile;

/// <summary>Risk on a smile: vega by expiry × strike bucket, and the skew and smile stresses.</summary>
public sealed class SmileRiskTests
{
    private static readonly DateOnly Today = new(2026, 3, 2), Dec26 = new(2026, 12, 21), Dec27 = new(2027, 12, 20);

    /// <summary>EUA on the three-expiry delta-quoted SVI surface of the smile tests.</summary>
    private static MarketSnapshot SmileMarket(out SmileSurface surface)
    {
        surface = VolSurfaceCalibration.Calibrate(SmileQuotes.EuaDeltaQuotes().Select(q => q.ToExpiryQuotes()).ToArray(),
            new SmileCalibrationSettings(SmileModel.Svi)).Surface;
        return new MarketSnapshot(Today, new FlatDiscountCurve(0.03),
            [new("EUA", new FuturesCurve(Today, [(Dec26, SmileQuotes.EuaDec26), (Dec27, 72.83)]))], [new("EUA", surface)]);
    }

    private static FuturesOption Option(OptionType type, double strike, DateOnly expiry, DateOnly delivery) =>
        new("EUA", type, strike, expiry, delivery, 1000, "EUR");

    [Fact]
    public void VegaBuckets_SumToTheParallelVega_AndSitAroundEachOption()
    {
        var market = SmileMarket(out _);
        (IInstrument, double)[] book =
        [
            (Option(OptionType.Call, 75, new DateOnly(2026, 12, 16), Dec26), 3),
            (Option(OptionType.Put, 60, new DateOnly(2026, 6, 15), Dec26), -2),
            (Option(OptionType.Call, 90, new DateOnly(2027, 12, 15), Dec27), 1),
        ];
        double[] expiries = [0.25, 0.75, 1.75], strikes = [50, 60, 70, 80, 90, 100];
        var (buckets, parallel) = VegaBuckets.Compute(book, market, "EUA", expiries, strikes);
        double sum = 0;
        foreach (double v in buckets) sum += v;
        Assert.Equal(parallel, sum, 1e-6 * Math.Abs(parallel));
        // The parallel bump is the pricers' own vega (Black-76 at each strike's vol).
        double analytic = book.Sum(p => p.Item2 * Pricers.ClosedForm(p.Item1, 0, market, new PricingInputs()).Valuation(true).Greeks!.Vega.Value);
        Assert.Equal(analytic, parallel, 1e-5 * Math.Abs(analytic));

        // The Dec-27 call alone (T = 1.79 > the last pillar, K = 90 a pillar) is all in bucket [1.75, 90].
        var (alone, aloneParallel) = VegaBuckets.Compute([book[2]], market, "EUA", expiries, strikes);
        for (int i = 0; i < expiries.Length; i++)
            for (int j = 0; j < strikes.Length; j++)
                Assert.Equal(i == 2 && j == 4 ? aloneParallel : 0, alone[i, j], 1e-6 * aloneParallel);
        // The Dec-26 call (T = 0.79, K = 75) splits between expiries 0.75 and 1.75 and strikes 70 and 80 by the hat weights.
        var (dec26, dec26Parallel) = VegaBuckets.Compute([book[0]], market, "EUA", expiries, strikes);
        double t = 289 / 365.0, wT = (1.75 - t) / 1.0;
        Assert.Equal(dec26Parallel * wT * 0.5, dec26[1, 2], 1e-6 * dec26Parallel);
        Assert.Equal(dec26Parallel * (1 - wT) * 0.5, dec26[2, 3], 1e-6 * dec26Parallel);
        Assert.Equal(0, dec26[0, 2], 1e-9);
    }

    [Fact]
    public void SkewAndSmileStresses_RevalueOnTheReshapedSurface()
    {
        var market = SmileMarket(out var surface);
        var put = Option(OptionType.Put, 60, new DateOnly(2026, 12, 16), Dec26);
        var call = Option(OptionType.Call, 85, new DateOnly(2026, 12, 16), Dec26);
        var portfolio = new Portfolio("EUR", [new Position("P", put, 2, PositionSide.Long), new Position("C", call, 1, PositionSide.Short)]);
        var fx = new FxRates("EUR");
        var report = StressTester.Run(portfolio, market, fx, StressCatalogue.Smile);

        // Independent reference: Black-76 at the surface's vol plus the scenario's shape at k = ln(K/F_front), F_front = 70.76.
        double t = 289 / 365.0, df = Math.Exp(-0.03 * t), f = SmileQuotes.EuaDec26;
        double Value(OptionType type, double strike, double forward, double volShift) =>
            1000 * Black76.Price(type, forward, strike, t, surface.Volatility(t, strike) + volShift, df);
        foreach (var scenario in StressCatalogue.Smile)
        {
            double factor = 1 + scenario.PriceShocks["EUA"];
            double Shape(double strike) { double k = Math.Log(strike / f); return scenario.VolShock + k * (scenario.SkewShock + scenario.SmileShock * k); }
            double expected = 2 * (Value(OptionType.Put, 60, f * factor, Shape(60)) - Value(OptionType.Put, 60, f, 0))
                - (Value(OptionType.Call, 85, f * factor, Shape(85)) - Value(OptionType.Call, 85, f, 0));
            var result = report.Results.Single(r => r.Scenario == scenario);
            Assert.Equal(expected, result.ProfitAndLoss, 1e-6 * Math.Abs(expected));
            Assert.Equal(expected, result.ByUnderlying["EUA"], 1e-6 * Math.Abs(expected));
        }
        // A long put and short call gain when the put skew steepens as prices fall.
        Assert.True(report.Results[0].ProfitAndLoss > 0);
    }

    [Fact]
    public void Ladder_OnASteeperSkew_MatchesTheSkewStressAtItsPriceShock()
    {
        var market = SmileMarket(out _);
        var portfolio = new Portfolio("EUR", [new Position("P", Option(OptionType.Put, 60, new DateOnly(2026, 12, 16), Dec26), 2, PositionSide.Long)]);
        var fx = new FxRates("EUR");
        var skew = StressCatalogue.EuaSkewSteepening;
        var ladder = ScenarioLadder.Run(portfolio, market, fx, [-0.1, 0], [0], skewShock: skew.SkewShock);
        var stress = StressTester.Run(portfolio, market, fx, [skew]).Results.Single();
        Assert.Equal(stress.ProfitAndLoss, ladder.ProfitAndLoss[0][0], 1e-9 * Math.Abs(stress.ProfitAndLoss));
        Assert.True(ladder.ProfitAndLoss[1][0] > 0, "a long 60 put gains when the put skew steepens, prices unchanged");
        Assert.Equal(0, ScenarioLadder.Run(portfolio, market, fx, [0], [0]).ProfitAndLoss[0][0], 1e-9);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Pricing.ClosedForms;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using Xunit;
using Xunit.Abstractions;

namespace CarbonDerivatives.Tests.Smile;

/// <summary>
/// Continuous barriers and daily price limits on a smile surface are simulated under its local volatility: a continuous
/// down-and-out call against a finite-difference solution of the same local-vol equation, a price-limited call whose limit-free
/// twin reprices the smile's European.
/// </summary>
public sealed class LocalVolatilityLimitsAndBarriersTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 3, 2), Expiry = new(2026, 12, 16), Delivery = new(2026, 12, 21);
    private const double Rate = 0.03, Strike = 75, Barrier = 60;
    private static readonly double T = (Expiry.DayNumber - Today.DayNumber) / 365.0;

    private static SmileSurface Surface() =>
        VolSurfaceCalibration.Calibrate([SmileQuotes.EuaDec26Smile()], new SmileCalibrationSettings(SmileModel.Svi)).Surface;

    private static MarketSnapshot Market(SmileSurface surface) => new(Today, new FlatDiscountCurve(Rate),
        [new("EUA", new FuturesCurve(Today, [(Delivery, SmileQuotes.EuaDec26)]))], [new("EUA", surface)]);

    private static double ReinerRubinstein(double volatility) => ReinerRubinsteinBarrier.PriceContinuous(new ResolvedBarrierOption(
        OptionType.Call, Strike, BarrierDirection.Down, BarrierKnock.Out, Barrier, 0, T, SmileQuotes.EuaDec26, volatility, 1, 1));

    [Fact]
    public void ThePde_UnderAFlatVariance_GivesReinerRubinstein()
    {
        const double vol = 0.46;
        double pde = LocalVolatilityBarrierPde.DownAndOutCall((_, _) => vol * vol, SmileQuotes.EuaDec26, Strike, Barrier, T);
        double exact = ReinerRubinstein(vol);
        output.WriteLine($"PDE {pde:F5}, Reiner–Rubinstein {exact:F5}");
        Assert.True(Math.Abs(pde - exact) < 2e-4 * exact, $"PDE {pde:F5} vs Reiner–Rubinstein {exact:F5}");
    }

    [Fact]
    public void ContinuousDownAndOutCall_UnderLocalVol_MatchesThePde_AndTheSkewMakesItCheaperThanAtTheStrikesVol()
    {
        var surface = Surface();
        var option = new BarrierOption("EUA", OptionType.Call, Strike, BarrierDirection.Down, BarrierKnock.Out, Barrier, 0, Expiry, Delivery,
            1000, "EUR", Monitoring: BarrierMonitoring.Continuous);
        var v = new ValuationService(SimulationLimits.Default).Value(new ValuationRequest
        {
            Instrument = option, Market = Market(surface), Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 100_000, Seed = 17, Antithetic = true },
        });
        Assert.Equal("monte-carlo-local-vol", v.Method);
        double lot = 1000 * Math.Exp(-Rate * T);
        double pde = lot * LocalVolatilityBarrierPde.DownAndOutCall((t, f) => surface.LocalVariance(t, f), SmileQuotes.EuaDec26, Strike, Barrier, T);
        Assert.True(Math.Abs(v.Value - pde) < 4 * v.StandardError, $"MC {v.Value:F2} ± {v.StandardError:F2} vs PDE {pde:F2}");
        // The put skew raises the local vol near the barrier: more paths knock out than at the strike's flat vol.
        double flat = lot * ReinerRubinstein(surface.Volatility(T, Strike));
        output.WriteLine($"MC {v.Value:F2} ± {v.StandardError:F2}, PDE {pde:F2}, flat {flat:F2}");
        Assert.True(pde < 0.99 * flat, $"local vol {pde:F2} vs the strike's flat vol {flat:F2}");
    }

    [Fact]
    public void PriceLimitedCall_UnderLocalVol_ItsLimitFreeTwinRepricesTheSmile_AndTheLimitCapsIt()
    {
        var surface = Surface();
        var call = new FuturesOption("EUA", OptionType.Call, 80, Expiry, Delivery, 1000, "EUR") { PriceLimits = new DailyPriceLimit(0.05) };
        var v = new ValuationService(SimulationLimits.Default).Value(new ValuationRequest
        {
            Instrument = call, Market = Market(surface), Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 100_000, Seed = 23, Antithetic = true },
        });
        Assert.Equal("monte-carlo-price-limits-local-vol", v.Method);
        double smile = 1000 * Black76.Price(OptionType.Call, SmileQuotes.EuaDec26, 80, T, surface.Volatility(T, 80), Math.Exp(-Rate * T));
        Assert.NotNull(v.WithoutLimits);
        Assert.True(Math.Abs(v.WithoutLimits.Value - smile) < 4 * v.WithoutLimits.StandardError,
            $"limit-free {v.WithoutLimits.Value:F1} ± {v.WithoutLimits.StandardError:F1} vs the smile's European {smile:F1}");
        // Over 200 sessions the settlement price catches up with the fundamental: the limit changes little (a lag of the last days).
        Assert.True(Math.Abs(v.Value - v.WithoutLimits.Value) < 0.01 * smile, $"limited {v.Value:F1} vs {v.WithoutLimits.Value:F1}");

        // Over a week the ±5% limit binds on a large share of the paths and cuts the call's upside: the limited call is cheaper.
        var week = new ValuationService(SimulationLimits.Default).Value(new ValuationRequest
        {
            Instrument = call with { Strike = 72, Expiry = new DateOnly(2026, 3, 9) }, Market = Market(surface), Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 100_000, Seed = 23, Antithetic = true },
        });
        output.WriteLine($"Dec: limited {v.Value:F1} ± {v.StandardError:F1}, free {v.WithoutLimits.Value:F1} ± {v.WithoutLimits.StandardError:F1}, smile {smile:F1}; week: {week.Value:F1} ± {week.StandardError:F1} vs {week.WithoutLimits!.Value:F1}");
        Assert.True(week.Value < week.WithoutLimits!.Value - 4 * week.StandardError,
            $"one week: limited {week.Value:F1} ± {week.StandardError:F1} vs {week.WithoutLimits!.Value:F1}");
    }
}

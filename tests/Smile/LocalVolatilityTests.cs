using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Smile;

/// <summary>Dupire local volatility from a fitted smile: it reprices the surface's Europeans, and path-dependent products
/// priced through it feel the skew.</summary>
public sealed class LocalVolatilityTests
{
    private const double Dec27 = 72.83;

    /// <summary>An SVI surface of options on one future (EUA Dec-27) at three expiries, from delta quotes.</summary>
    private static SmileSurface Dec27Surface() => VolSurfaceCalibration.Calibrate(
        SmileQuotes.EuaDeltaQuotes().Select((q, i) => (q with { Forward = Dec27, Expiry = new[] { 0.25, 0.75, 1.5 }[i] }).ToExpiryQuotes()).ToArray(),
        new SmileCalibrationSettings(SmileModel.Svi)).Surface;

    [Fact]
    public void LocalVolMonteCarlo_RepricesTheSurfacesEuropeans_TenStrikesAtThreeExpiries()
    {
        var surface = Dec27Surface();
        double[] expiries = [0.25, 0.75, 1.5];
        var grid = TimeGrid.Uniform(1.5, 150); // steps of 0.01: every expiry is a grid time
        var stepper = new LocalVolatilityStepper(surface, Dec27, grid);
        const int pairs = 50_000; // antithetic pairs
        var state = new double[2 * pairs];
        var price = new double[2 * pairs];
        var normals = new double[2 * pairs];
        stepper.Initialize(state);
        var random = new Random(20261216);
        var atExpiry = new double[expiries.Length][];
        for (int step = 0; step < grid.Count; step++)
        {
            for (int i = 0; i < pairs; i++)
            {
                normals[i] = InverseNormal.Inverse(1 - random.NextDouble());
                normals[pairs + i] = -normals[i];
            }
            stepper.Step(step, state, price, new StepRandoms(normals, default));
            int e = Array.FindIndex(expiries, t => Math.Abs(t - grid.Times[step]) < 1e-9);
            if (e >= 0) atExpiry[e] = (double[])price.Clone();
        }

        int compared = 0;
        for (int e = 0; e < expiries.Length; e++)
        {
            double t = expiries[e], sd = surface.Volatility(t, Dec27) * Math.Sqrt(t);
            for (int j = 0; j < 10; j++)
            {
                double strike = Dec27 * Math.Exp(sd * (-1.6 + 3.2 * j / 9)); // ±1.6 standard deviations
                var type = strike < Dec27 ? OptionType.Put : OptionType.Call; // out of the money: the smaller variance
                double exact = Black76.Price(type, Dec27, strike, t, surface.Volatility(t, strike), 1.0);
                var pairMeans = new double[pairs];
                for (int i = 0; i < pairs; i++)
                    pairMeans[i] = 0.5 * (Payoff(type, atExpiry[e][i], strike) + Payoff(type, atExpiry[e][pairs + i], strike));
                double mean = pairMeans.Average();
                double se = Math.Sqrt(pairMeans.Sum(x => (x - mean) * (x - mean)) / (pairs - 1) / pairs);
                Assert.True(Math.Abs(mean - exact) < 4 * se, $"T={t} K={strike:F2} {type}: MC {mean:F5} ± {se:F5} vs surface {exact:F5}");
                compared++;
            }
        }
        Assert.Equal(30, compared);
    }

    [Fact]
    public void DownAndOutCall_UnderTheSkew_IsCheaperThanAtItsStrikesFlatVol_OnCommonRandomNumbers()
    {
        // The put skew raises local vol at low prices, where the barrier is: more paths knock out than under the strike's
        // flat vol, which prices the same vanilla call. Both on the same normals, so the difference has its own small SE.
        var surface = VolSurfaceCalibration.Calibrate([SmileQuotes.EuaDec26Smile()], new SmileCalibrationSettings(SmileModel.Svi)).Surface;
        double f = SmileQuotes.EuaDec26, t = 289 / 365.0, strike = 75, barrier = 60;
        var grid = TimeGrid.Uniform(t, 200); // about daily monitoring
        double strikeVol = surface.Volatility(t, strike);
        IPathStepper[] steppers = [new LocalVolatilityStepper(surface, f, grid), new Engine.Models.Black76Model(f, strikeVol).Prepare(grid)];
        const int paths = 100_000;
        var state = steppers.Select(_ => new double[paths]).ToArray();
        var price = steppers.Select(_ => new double[paths]).ToArray();
        var alive = steppers.Select(_ => Enumerable.Repeat(true, paths).ToArray()).ToArray();
        for (int m = 0; m < 2; m++) steppers[m].Initialize(state[m]);
        var normals = new double[paths];
        var random = new Random(7);
        for (int step = 0; step < grid.Count; step++)
        {
            for (int i = 0; i < paths; i++) normals[i] = InverseNormal.Inverse(1 - random.NextDouble());
            for (int m = 0; m < 2; m++)
            {
                steppers[m].Step(step, state[m], price[m], new StepRandoms(normals, default));
                for (int i = 0; i < paths; i++) alive[m][i] &= price[m][i] > barrier;
            }
        }
        double[] Payoffs(int m) => price[m].Select((p, i) => alive[m][i] ? Math.Max(p - strike, 0) : 0).ToArray();
        var local = Payoffs(0);
        var flat = Payoffs(1);
        var difference = local.Zip(flat, (a, b) => a - b).ToArray();
        double mean = difference.Average();
        double se = Math.Sqrt(difference.Sum(d => (d - mean) * (d - mean)) / (paths - 1) / paths);
        // Measured (README): 7.352 per tonne under local vol vs 7.470 at the strike's flat 45.76%, a difference of −0.117 ± 0.009.
        Assert.True(mean < -4 * se, $"local vol {local.Average():F4} vs flat {strikeVol:P2} {flat.Average():F4}: difference {mean:F4} ± {se:F4}");
        // The vanilla calls agree (the local vol reprices the smile), so the whole difference is the barrier's.
        var vanilla = price[0].Zip(price[1], (a, b) => Math.Max(a - strike, 0) - Math.Max(b - strike, 0)).ToArray();
        double vanillaMean = vanilla.Average(), vanillaSe = Math.Sqrt(vanilla.Sum(d => (d - vanillaMean) * (d - vanillaMean)) / (paths - 1) / paths);
        Assert.True(Math.Abs(vanillaMean) < 4 * vanillaSe + 0.002 * Black76.Price(OptionType.Call, f, strike, t, strikeVol, 1.0),
            $"vanilla difference {vanillaMean:F4} ± {vanillaSe:F4}");
    }

    [Fact]
    public void BarrierOnASmileSurface_IsSimulatedUnderLocalVolThroughTheValuationService()
    {
        var today = new DateOnly(2026, 3, 2);
        var delivery = new DateOnly(2026, 12, 21);
        var surface = VolSurfaceCalibration.Calibrate([SmileQuotes.EuaDec26Smile()], new SmileCalibrationSettings(SmileModel.Svi)).Surface;
        var option = new BarrierOption("EUA", OptionType.Call, 75, BarrierDirection.Down, BarrierKnock.Out, 60, 0, new DateOnly(2026, 12, 16),
            delivery, 1000, "EUR", Monitoring: BarrierMonitoring.Daily);
        var market = new MarketSnapshot(today, new FlatDiscountCurve(0.03),
            [new("EUA", new FuturesCurve(today, [(delivery, SmileQuotes.EuaDec26)]))], [new("EUA", surface)]);
        var v = new ValuationService(SimulationLimits.Default).Value(new ValuationRequest
        {
            Instrument = option, Market = market, Method = ValuationMethod.MonteCarlo, Greeks = true,
            MonteCarlo = new MonteCarloSettings { Paths = 20_000, Seed = 11, Antithetic = true },
        });
        Assert.Equal("monte-carlo-local-vol", v.Method);
        Assert.True(v.Greeks!.Vega.Value > 0, $"vega {v.Greeks.Vega.Value}"); // the bumped smile shifts the local vol
        // A continuous barrier too: each path's Brownian bridge takes the local variance its step was drawn with.
        var continuous = new ValuationService(SimulationLimits.Default).Value(new ValuationRequest
        {
            Instrument = option with { Monitoring = BarrierMonitoring.Continuous }, Market = market, Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 20_000, Seed = 11, Antithetic = true },
        });
        Assert.Equal("monte-carlo-local-vol", continuous.Method);
    }

    [Fact]
    public void AsianAndAmericanOnASmileSurface_AreSimulatedUnderLocalVol_AndAgreeWithTheSmilesEuropean()
    {
        var today = new DateOnly(2026, 3, 2);
        var expiry = new DateOnly(2026, 12, 16);
        var delivery = new DateOnly(2026, 12, 21);
        var surface = VolSurfaceCalibration.Calibrate([SmileQuotes.EuaDec26Smile()], new SmileCalibrationSettings(SmileModel.Svi)).Surface;
        var market = new MarketSnapshot(today, new FlatDiscountCurve(0.03),
            [new("EUA", new FuturesCurve(today, [(delivery, SmileQuotes.EuaDec26)]))], [new("EUA", surface)]);
        var service = new ValuationService(SimulationLimits.Default);
        var settings = new MonteCarloSettings { Paths = 100_000, Seed = 5, Antithetic = true };
        double t = 289 / 365.0, df = Math.Exp(-0.03 * t);
        // An Asian with one fixing, at expiry, is the European: local vol on 40 steps must give the smile's price at 60.
        var asian = service.Value(new ValuationRequest
        {
            Instrument = new AsianOption("EUA", OptionType.Put, 60, [expiry], delivery, 1000, "EUR"), Market = market,
            Method = ValuationMethod.MonteCarlo, MonteCarlo = settings, Grid = new GridSettings { StepsPerFixing = 40 },
        });
        double european = 1000 * Black76.Price(OptionType.Put, SmileQuotes.EuaDec26, 60, t, surface.Volatility(t, 60), df);
        Assert.Equal("monte-carlo-local-vol", asian.Method);
        Assert.True(Math.Abs(asian.Value - european) < 4 * asian.StandardError, $"Asian {asian.Value:F1} ± {asian.StandardError:F1} vs smile European {european:F1}");
        // An American put is worth at least its European (Longstaff–Schwartz is low-biased by a little).
        var american = service.Value(new ValuationRequest
        {
            Instrument = new FuturesOption("EUA", OptionType.Put, 60, expiry, delivery, 1000, "EUR") with { Exercise = OptionExercise.American },
            Market = market, Method = ValuationMethod.MonteCarlo, MonteCarlo = settings with { Paths = 40_000 },
        });
        Assert.Equal("longstaff-schwartz-local-vol", american.Method);
        Assert.True(american.Value > european - 4 * american.StandardError, $"American {american.Value:F1} ± {american.StandardError:F1} vs European {european:F1}");
    }

    private static double Payoff(OptionType type, double f, double k) => type == OptionType.Call ? Math.Max(f - k, 0) : Math.Max(k - f, 0);
}

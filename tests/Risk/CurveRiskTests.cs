using System.Collections.Immutable;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using MathNet.Numerics.Distributions;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// Curve dynamics: the deliveries of one underlying as correlated factors in Monte Carlo VaR (term-structure correlation
/// exp(−β|T₁ − T₂|)), historical VaR (each tenor's own returns) and stress (slope shocks), on the Dec-26/Dec-27 spread.
/// </summary>
public sealed class CurveRiskTests
{
    private static readonly AllowanceFuture EuaDec26 = new("EUA", Dec26, 1000, "EUR");
    private static readonly AllowanceFuture EuaDec27 = new("EUA", Dec27, 1000, "EUR");
    private static readonly Portfolio Spread = new("EUR", [Long("L", EuaDec26), new Position("S", EuaDec27, 1, PositionSide.Short)]);
    private const double F26 = 70.76, F27 = 72.83;

    private static VarSettings Settings(double? decay) => new()
    {
        HorizonDays = 1, Confidences = [0.99], Scenarios = 100_000, Seed = 7,
        Volatilities = ImmutableDictionary<string, double>.Empty.Add("EUA", 0.46),
        CurveDecay = decay is { } b ? ImmutableDictionary<string, double>.Empty.Add("EUA", b) : ImmutableDictionary<string, double>.Empty,
    };

    /// <summary>
    /// The exact 99% loss quantile of a(e^X − 1) − b(e^Y − 1), (X, Y) normal with mean −s²/2, sd s, correlation ρ:
    /// P(loss &gt; v) = ∫φ(z)·P(Y &gt; ln((a(e^X − 1) + b + v)/b) | X = −s²/2 + s·z) dz (trapezoid on ±9 sd), v by bisection.
    /// </summary>
    private static double ExactValueAtRisk(double a, double b, double s, double rho, double confidence)
    {
        double mu = -0.5 * s * s, conditional = s * Math.Sqrt(1 - rho * rho);
        double Exceed(double v)
        {
            const int steps = 6000;
            double sum = 0, dz = 18.0 / steps;
            for (int i = 0; i <= steps; i++)
            {
                double z = -9 + i * dz, x = mu + s * z, bound = a * double.ExpM1(x) + b + v;
                double p = bound <= 0 ? 1 : 1 - Normal.CDF(mu + rho * s * z, conditional, Math.Log(bound / b));
                sum += (i == 0 || i == steps ? 0.5 : 1) * Normal.PDF(0, 1, z) * p * dz;
            }
            return sum;
        }
        double lo = 0, hi = 100_000;
        for (int i = 0; i < 100; i++) { double mid = 0.5 * (lo + hi); if (Exceed(mid) > 1 - confidence) lo = mid; else hi = mid; }
        return 0.5 * (lo + hi);
    }

    [Fact]
    public void CalendarSpread_MonteCarloVaR_MatchesTheExactQuantile_AndGrowsAsTheCurveDecorrelates()
    {
        var market = EuaMarket();
        double gap = market.TimeTo(Dec27) - market.TimeTo(Dec26), s = 0.46 * Math.Sqrt(1 / 252.0);
        double parallel = MonteCarloVaR.Compute(Spread, market, Fx, Settings(null)).Figures[0].ValueAtRisk;
        double previous = parallel;
        foreach (double decay in new[] { 0.1, 1.0, 3.0 })
        {
            var figure = MonteCarloVaR.Compute(Spread, market, Fx, Settings(decay)).Figures[0];
            double exact = ExactValueAtRisk(1000 * F26, 1000 * F27, s, Math.Exp(-decay * gap), 0.99);
            Assert.True(Math.Abs(figure.ValueAtRisk - exact) < 4 * figure.ValueAtRiskStandardError,
                $"beta {decay}: MC VaR {figure.ValueAtRisk:F1} +- {figure.ValueAtRiskStandardError:F1}, exact {exact:F1}");
            Assert.True(figure.ValueAtRisk > previous, $"beta {decay}: VaR {figure.ValueAtRisk:F1} should exceed {previous:F1}");
            previous = figure.ValueAtRisk;
        }
        // Parallel moves: the spread is short 2.07/t of the curve, its loss the rise of 1,000 x 2.07 at the 99% quantile.
        Assert.Equal(1000 * (F27 - F26) * double.ExpM1(-0.5 * s * s + s * Normal.InvCDF(0, 1, 0.99)), parallel, 0.02 * parallel);
    }

    /// <summary>500 days of Dec-26 and Dec-27 returns drawn with correlation <paramref name="rho"/> (fixed seed).</summary>
    private static ImmutableDictionary<string, ImmutableArray<double>> CurveHistory(double rho)
    {
        var random = new Random(20_261_204);
        var normal = new Normal(0, 0.02, random);
        double[] x = [.. Enumerable.Range(0, 500).Select(_ => normal.Sample())], z = [.. Enumerable.Range(0, 500).Select(_ => normal.Sample())];
        return ImmutableDictionary<string, ImmutableArray<double>>.Empty
            .Add($"EUA {Dec26:yyyy-MM-dd}", [.. x])
            .Add($"EUA {Dec27:yyyy-MM-dd}", [.. x.Zip(z, (a, b) => rho * a + Math.Sqrt(1 - rho * rho) * b)]);
    }

    /// <summary>The sample (Pearson) correlation of two series, by its formula.</summary>
    private static double SampleCorrelation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my); }
        return sxy / Math.Sqrt(sxx * syy);
    }

    [Fact]
    public void CalendarSpread_MonteCarloVaROnTheCurvesHistoricalCorrelation_MatchesTheExactQuantile_AndGrowsAsItFalls()
    {
        var market = EuaMarket();
        double s = 0.46 * Math.Sqrt(1 / 252.0), previous = 0;
        foreach (double rho in new[] { 0.98, 0.9, 0.6 })
        {
            var history = CurveHistory(rho);
            double sample = SampleCorrelation(history[$"EUA {Dec26:yyyy-MM-dd}"], history[$"EUA {Dec27:yyyy-MM-dd}"]);
            var figure = MonteCarloVaR.Compute(Spread, market, Fx, Settings(null) with { CurveHistory = history }).Figures[0];
            double exact = ExactValueAtRisk(1000 * F26, 1000 * F27, s, sample, 0.99);
            Assert.True(Math.Abs(figure.ValueAtRisk - exact) < 4 * figure.ValueAtRiskStandardError,
                $"rho {rho} (sample {sample:F4}): MC VaR {figure.ValueAtRisk:F1} +- {figure.ValueAtRiskStandardError:F1}, exact {exact:F1}");
            Assert.True(figure.ValueAtRisk > previous, $"rho {rho}: VaR {figure.ValueAtRisk:F1} should exceed {previous:F1}");
            previous = figure.ValueAtRisk;
        }
    }

    [Fact]
    public void CurveHistory_TooShortOrMisaligned_NamesTheTenor()
    {
        var history = CurveHistory(0.9);
        string dec26 = $"EUA {Dec26:yyyy-MM-dd}", dec27 = $"EUA {Dec27:yyyy-MM-dd}";
        string Refused(ImmutableDictionary<string, ImmutableArray<double>> curve) => Assert.Throws<Engine.Validation.InvalidInputException>(() =>
            MonteCarloVaR.Compute(Spread, EuaMarket(), Fx, Settings(null) with { CurveHistory = curve })).Field;
        Assert.Equal($"curveHistory[{dec26}]", Refused(history.SetItem(dec26, [.. history[dec26].Take(10)])));
        Assert.Equal($"curveHistory[{dec27}]", Refused(history.SetItem(dec27, [.. history[dec27].Take(400)])));
        Assert.Equal($"curveHistory[{dec26}][3]", Refused(history.SetItem(dec26, history[dec26].SetItem(3, double.NaN))));
    }

    [Fact]
    public void DeltaGamma_WithCurveDecay_ExpandsInEachTenor_ExactForTheFuturesSpread_CloseForAnOptionCalendar()
    {
        var market = EuaMarket();
        // Futures are linear in their own tenor's price: the expansion is exact, scenario by scenario.
        foreach (double decay in new[] { 0.1, 3.0 })
        {
            var full = MonteCarloVaR.Compute(Spread, market, Fx, Settings(decay)).Figures[0];
            var dg = MonteCarloVaR.Compute(Spread, market, Fx, Settings(decay) with { Method = VarMethod.DeltaGamma }).Figures[0];
            Assert.Equal(full.ValueAtRisk, dg.ValueAtRisk, 1e-6 * full.ValueAtRisk);
        }
        // Long the Dec-26 call, short the Dec-27 call: over one day the quadratic in each tenor stays near full revaluation on
        // the same scenarios, and a decorrelating curve raises it above the parallel-curve figure.
        var calendar = new Portfolio("EUR",
        [
            Long("c26", Option("EUA", OptionType.Call, 75, new DateOnly(2026, 12, 16), Dec26), 10),
            new Position("c27", Option("EUA", OptionType.Call, 75, new DateOnly(2027, 12, 15), Dec27), 10, PositionSide.Short),
        ]);
        var fullCalendar = MonteCarloVaR.Compute(calendar, market, Fx, Settings(3.0)).Figures[0];
        var dgCalendar = MonteCarloVaR.Compute(calendar, market, Fx, Settings(3.0) with { Method = VarMethod.DeltaGamma }).Figures[0];
        var dgParallel = MonteCarloVaR.Compute(calendar, market, Fx, Settings(null) with { Method = VarMethod.DeltaGamma }).Figures[0];
        Assert.True(Math.Abs(dgCalendar.ValueAtRisk - fullCalendar.ValueAtRisk) < 0.05 * fullCalendar.ValueAtRisk,
            $"delta-gamma {dgCalendar.ValueAtRisk:F1} vs full revaluation {fullCalendar.ValueAtRisk:F1}");
        Assert.True(dgCalendar.ValueAtRisk > dgParallel.ValueAtRisk + 4 * dgCalendar.ValueAtRiskStandardError,
            $"decorrelated {dgCalendar.ValueAtRisk:F1} vs parallel {dgParallel.ValueAtRisk:F1}");
    }

    [Fact]
    public void HistoricalVaR_WithCurveFactors_MovesEachTenorByItsOwnReturns()
    {
        // 100 days: Dec-26 returns 1% x sin(i), Dec-27 returns 1.5% x cos(i); UKA from its underlying's series.
        var r26 = Enumerable.Range(0, 100).Select(i => 0.01 * Math.Sin(i)).ToArray();
        var r27 = Enumerable.Range(0, 100).Select(i => 0.015 * Math.Cos(i)).ToArray();
        var uka = Enumerable.Range(0, 100).Select(i => 0.02 * Math.Sin(0.5 * i)).ToArray();
        var returns = new Dictionary<string, IReadOnlyList<double>>
        {
            ["EUA 2026-12-21"] = r26, ["EUA 2027-12-20"] = r27, ["UKA"] = uka, ["EUA"] = new double[100], // the EUA series is not used
        };
        var book = new Portfolio("EUR", [.. Spread.Positions, Long("U", new AllowanceFuture("UKA", Dec26, 1000, "GBP"))]);
        var result = HistoricalVaR.Compute(book, EuaMarket(), Fx, returns, 1, [0.95]);

        var pnl = Enumerable.Range(0, 100).Select(i => 1000 * (F26 * double.ExpM1(r26[i]) - F27 * double.ExpM1(r27[i]))
            + 1000 * 45.10 * 1.17 * double.ExpM1(uka[i])).Order().ToArray();
        Assert.Equal(-pnl[4], result.Figures[0].ValueAtRisk, 1e-6); // k = 5 of 100
        Assert.Equal(-pnl.Take(5).Average(), result.Figures[0].ExpectedShortfall, 1e-6);

        // Without tenor series the deliveries move together: the spread's P&L is (F26 - F27) x 1,000 x (e^r - 1).
        var parallel = HistoricalVaR.Compute(Spread, EuaMarket(), Fx, new Dictionary<string, IReadOnlyList<double>> { ["EUA"] = r26 }, 1, [0.95]);
        var spreadPnl = r26.Select(r => 1000 * (F26 - F27) * double.ExpM1(r)).Order().ToArray();
        Assert.Equal(-spreadPnl[4], parallel.Figures[0].ValueAtRisk, 1e-6);
    }

    [Fact]
    public void Stress_SteepeningAndFlattening_MoveEachDeliveryByItsYears()
    {
        var market = EuaMarket();
        var report = StressTester.Run(Spread, market, Fx, StressCatalogue.Hypothetical);
        double t26 = market.TimeTo(Dec26), t27 = market.TimeTo(Dec27);
        // Steepening: each delivery (1 + 5% x T); the short Dec-27 loses more than the long Dec-26 gains.
        Assert.Equal(1000 * (F26 * 0.05 * t26 - F27 * 0.05 * t27), report.Results[0].ProfitAndLoss, 1e-6);
        Assert.Equal(-report.Results[0].ProfitAndLoss, report.Results[1].ProfitAndLoss, 1e-6);
        Assert.True(report.Results[0].ProfitAndLoss < 0);
        // The vol spike moves option values: a long call gains from +20 vol points on top of the -15% move's delta.
        var call = Option("EUA", OptionType.Call, 72, new DateOnly(2026, 12, 16), Dec26);
        var withVol = StressTester.Run(new Portfolio("EUR", [Long("C", call)]), market, Fx, [StressCatalogue.Hypothetical[2]]).Results[0];
        var withoutVol = StressTester.Run(new Portfolio("EUR", [Long("C", call)]), market, Fx,
            [StressCatalogue.Hypothetical[2] with { VolShock = 0 }]).Results[0];
        Assert.True(withVol.ProfitAndLoss > withoutVol.ProfitAndLoss + 1000, $"{withVol.ProfitAndLoss} vs {withoutVol.ProfitAndLoss}");
        Assert.Equal("scenarios[0].slopeShocks[EUA]", Assert.Throws<CarbonDerivatives.Engine.Validation.InvalidInputException>(() =>
            StressTester.Run(Spread, market, Fx, [StressCatalogue.Hypothetical[0] with
            {
                SlopeShocks = ImmutableDictionary<string, double>.Empty.Add("EUA", 0.9),
            }])).Field);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Tests.Support;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// Average-price options on an EUA future: the geometric closed form against QLNet's analytic engine,
/// Monte Carlo against the closed form and against QLNet's Monte Carlo, Turnbull–Wakeman against Monte
/// Carlo, and the geometric control variate. MC checks use fixed seeds and |MC − reference| &lt; 4 SE
/// (false-failure probability 6·10⁻⁵ per check).
/// </summary>
public class AsianOptionPricerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static MarketSnapshot Market(double forward, double volatility, double rate) =>
        new(Today, new FlatDiscountCurve(rate),
            [new("EUA", new FuturesCurve(Today, [(new DateOnly(2027, 12, 20), forward), (new DateOnly(2028, 12, 18), forward)]))],
            [new("EUA", new FlatVolSurface(volatility))]);

    /// <summary>An option resolved straight from numbers: fixings every <paramref name="years"/>/<paramref name="fixings"/> years.</summary>
    private static ResolvedAsianOption Resolved(OptionType type, AverageKind average, double forward, double strike, double years,
        int fixings, double volatility, double[]? past = null, double lotSize = 1) =>
        new(type, strike, average, Enumerable.Range(1, fixings).Select(i => years * i / fixings).ToArray(), past ?? [],
            forward, volatility, Math.Exp(-0.03 * years), lotSize);

    [Theory]
    [InlineData(OptionType.Call, 70.0, 70.0, 0.45, 0, 12, "2027-02-26", 0.03)]
    [InlineData(OptionType.Put, 70.0, 70.0, 0.45, 0, 12, "2027-02-26", 0.03)]
    [InlineData(OptionType.Call, 70.0, 55.0, 0.30, 0, 6, "2026-09-30", 0.01)]
    [InlineData(OptionType.Put, 70.0, 90.0, 0.60, 0, 24, "2028-02-28", 0.05)]
    [InlineData(OptionType.Call, 70.0, 75.0, 0.45, 3, 12, "2026-11-30", 0.03)]
    [InlineData(OptionType.Put, 70.0, 65.0, 0.35, 5, 20, "2026-12-16", 0.02)]
    public void DiscreteGeometric_MatchesQLNetAnalyticEngine(OptionType type, double forward, double strike, double volatility,
        int pastCount, int futureCount, string lastFixing, double rate)
    {
        // Past fixings weekly before today, future fixings spread evenly up to lastFixing (strictly after today).
        var last = DateOnly.Parse(lastFixing);
        var past = Enumerable.Range(0, pastCount).Select(i => Today.AddDays(-7 * (pastCount - i))).ToList();
        var future = Enumerable.Range(1, futureCount).Select(i => Today.AddDays((last.DayNumber - Today.DayNumber) * i / futureCount)).ToList();
        var pastPrices = past.Select((_, i) => 62.0 + 3 * i).ToArray();
        var option = new AsianOption("EUA", type, strike, [.. past, .. future], new DateOnly(2028, 12, 18), 1000, "EUR",
            AverageKind.Geometric, pastPrices).Resolve(Market(forward, volatility, rate));

        double expected = QlnetAsianReference.Price(Today, type, AverageKind.Geometric, forward, strike, future, pastPrices, volatility, rate).Value;
        double actual = AsianOptionPricer.PriceAnalytic(option) / option.LotSize;
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * expected, $"{actual:R} vs QLNet {expected:R}");
    }

    public static TheoryData<OptionType, double, double, int, double, double[]> McCases => new()
    {
        // type, strike, years, future fixings, vol, past fixings (forward 70 throughout)
        { OptionType.Call, 70, 1.0, 12, 0.45, [] },
        { OptionType.Put, 70, 1.0, 12, 0.45, [] },
        { OptionType.Call, 55, 1.0, 12, 0.45, [] },
        { OptionType.Call, 90, 1.0, 12, 0.45, [] },
        { OptionType.Put, 85, 0.5, 26, 0.30, [] },
        { OptionType.Call, 70, 2.0, 24, 0.60, [] },
        { OptionType.Call, 70, 0.25, 60, 0.25, [] },
        { OptionType.Call, 72, 0.75, 9, 0.45, [66, 68, 71] },
        { OptionType.Put, 72, 0.75, 9, 0.45, [66, 68, 71] },
        { OptionType.Call, 60, 0.2, 4, 0.50, [80, 82, 79, 81, 78, 80, 83, 85] },
        { OptionType.Put, 80, 0.2, 4, 0.50, [80, 82, 79, 81, 78, 80, 83, 85] },
    };

    [Theory]
    [MemberData(nameof(McCases))]
    public void MonteCarloGeometric_WithinFourSEOfClosedForm(OptionType type, double strike, double years, int fixings, double volatility, double[] past)
    {
        var option = Resolved(type, AverageKind.Geometric, 70, strike, years, fixings, volatility, past, lotSize: 1000);
        var estimate = MonteCarloRuns.Asian(option, new MonteCarloSettings { Paths = 100_000, Seed = 101, ControlVariate = true });
        McAssert.WithinStandardErrors(AsianOptionPricer.PriceAnalytic(option), estimate);
    }

    [Theory]
    [InlineData(OptionType.Call, 70.0, 0.45, 0)]
    [InlineData(OptionType.Put, 80.0, 0.30, 0)]
    [InlineData(OptionType.Call, 65.0, 0.60, 4)]
    public void MonteCarloArithmetic_AgreesWithQLNetMonteCarlo(OptionType type, double strike, double volatility, int pastCount)
    {
        // Monthly fixings to 2027-02-26; QLNet's MCDiscreteArithmeticAPEngine (geometric control) on its own seed.
        var past = Enumerable.Range(0, pastCount).Select(i => Today.AddDays(-28 * (pastCount - i))).ToList();
        var future = FixingSchedule.Generate(new DateOnly(2026, 3, 31), new DateOnly(2027, 2, 26), FixingFrequency.Monthly);
        var pastPrices = past.Select((_, i) => 66.0 + 2 * i).ToArray();
        var option = new AsianOption("EUA", type, strike, [.. past, .. future], new DateOnly(2027, 12, 20), 1, "EUR",
            AverageKind.Arithmetic, pastPrices).Resolve(Market(70, volatility, 0.03));

        var (qlnet, qlnetError) = QlnetAsianReference.Price(Today, type, AverageKind.Arithmetic, 70, strike, future, pastPrices, volatility, 0.03,
            monteCarloPaths: 20_000, seed: 7);
        var engine = MonteCarloRuns.Asian(option, new MonteCarloSettings { Paths = 100_000, Seed = 102, ControlVariate = true });
        double combined = Math.Sqrt(engine.StandardError * engine.StandardError + qlnetError * qlnetError);
        Assert.True(Math.Abs(engine.Value - qlnet) < 4 * combined,
            $"engine {engine.Value:F5} ± {engine.StandardError:F5} vs QLNet {qlnet:F5} ± {qlnetError:F5}");
    }

    [Theory]
    [MemberData(nameof(McCases))]
    public void TurnbullWakeman_WithinStatedToleranceOfMonteCarlo(OptionType type, double strike, double years, int fixings, double volatility, double[] past)
    {
        // Moment matching is an approximation whose error grows with the total variance σ²T (about 1% of
        // the price at σ²T = 0.2, 3.5% at 0.72 here): stated tolerance 1% of the forward per unit of σ²T,
        // on top of 4 SE of the reference MC.
        var option = Resolved(type, AverageKind.Arithmetic, 70, strike, years, fixings, volatility, past);
        var estimate = MonteCarloRuns.Asian(option, new MonteCarloSettings { Paths = 100_000, Seed = 103, ControlVariate = true });
        double approximation = AsianOptionPricer.PriceAnalytic(option);
        double tolerance = 4 * estimate.StandardError + 0.01 * option.Forward * volatility * volatility * years;
        Assert.True(Math.Abs(approximation - estimate.Value) < tolerance,
            $"TW {approximation:F5} vs MC {estimate.Value:F5} ± {estimate.StandardError:F5}");
    }

    [Fact]
    public void ControlVariate_GeometricOption_ReducesVarianceAtLeastTenfold_AtTheMoneyMonthly()
    {
        var option = Resolved(OptionType.Call, AverageKind.Arithmetic, 70, 70, 1.0, 12, 0.45);
        var estimate = MonteCarloRuns.Asian(option, new MonteCarloSettings { Paths = 50_000, Seed = 104, ControlVariate = true });
        Assert.True(estimate.VarianceReduction >= 10, $"variance reduction {estimate.VarianceReduction:F1}x");
    }

    [Fact]
    public void MonteCarloMerton_AverageAsControl_AgreesWithPlainEstimate()
    {
        // Non-lognormal model: the control is the arithmetic average with the model's exact expected prices;
        // an unbiased control leaves the estimate within 4 combined SE of the plain one (independent seeds).
        var option = Resolved(OptionType.Call, AverageKind.Arithmetic, 70, 72, 1.0, 12, 0.33, [69, 71]);
        var model = new MertonDynamics(new LogNormalJumps(6.1, -0.029, 0.083));
        var controlled = MonteCarloRuns.Asian(option, new MonteCarloSettings { Paths = 100_000, Seed = 105, ControlVariate = true }, model);
        var plain = MonteCarloRuns.Asian(option, new MonteCarloSettings { Paths = 100_000, Seed = 106 }, model);
        double combined = Math.Sqrt(controlled.StandardError * controlled.StandardError + plain.StandardError * plain.StandardError);
        Assert.True(Math.Abs(controlled.Value - plain.Value) < 4 * combined, $"{controlled.Value:F5} vs {plain.Value:F5} ± {combined:F5}");
        Assert.True(controlled.VarianceReduction > 1.5, $"variance reduction {controlled.VarianceReduction:F2}x");
    }

    [Fact]
    public void MonteCarlo_ExtraStepsBetweenFixings_SameValueWithinFourSE()
    {
        var option = Resolved(OptionType.Put, AverageKind.Geometric, 70, 72, 1.0, 12, 0.45);
        var estimate = MonteCarloRuns.Asian(option, new MonteCarloSettings { Paths = 50_000, Seed = 107, ControlVariate = true }, stepsPerFixing: 4);
        Assert.Equal(48, estimate.Steps);
        McAssert.WithinStandardErrors(AsianOptionPricer.PriceAnalytic(option), estimate);
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void KnownPartAboveStrike_CallIsDiscountedForwardAverage_PutWorthless(OptionType type)
    {
        // 8 of 12 fixings at 90 already sum past 12·K/… : K* = 50 − 8·90/12 < 0, exercise is certain (Haug §4.20.2).
        var option = Resolved(type, AverageKind.Arithmetic, 70, 50, 0.3, 4, 0.45, [90, 90, 90, 90, 90, 90, 90, 90]);
        double expectedAverage = (8 * 90 + 4 * 70) / 12.0;
        double expected = type == OptionType.Call ? option.DiscountFactor * (expectedAverage - 50) : 0;
        Assert.Equal(expected, AsianOptionPricer.PriceAnalytic(option), 12);
        var estimate = MonteCarloRuns.Asian(option, new MonteCarloSettings { Paths = 20_000, Seed = 108 });
        if (type == OptionType.Call) McAssert.WithinStandardErrors(expected, estimate);
        else Assert.Equal(0, estimate.Value);
    }
}

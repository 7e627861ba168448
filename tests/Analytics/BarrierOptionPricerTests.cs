using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Tests.Simulation;
using Xunit;
using QL = QLNet;

using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Tests.Support;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// Barrier options on an EUA future: the Reiner–Rubinstein closed form against QLNet's
/// AnalyticBarrierEngine, Monte Carlo (Brownian bridge, discrete monitoring) against the closed forms,
/// in/out parity and bad input. MC checks use fixed seeds and |MC − reference| &lt; 4 SE.
/// </summary>
public class BarrierOptionPricerTests
{
    private const double Forward = 70, Volatility = 0.45, Rate = 0.03;
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ResolvedBarrierOption Option(OptionType type, BarrierDirection direction, BarrierKnock knock, double strike,
        double barrier, double rebate = 0, double expiry = 1.0, IReadOnlyList<double>? monitoring = null) =>
        new(type, strike, direction, knock, barrier, rebate, expiry, Forward, Volatility, Math.Exp(-Rate * expiry), 1, monitoring);

    public static TheoryData<OptionType, BarrierDirection, double, double> Shapes => new()
    {
        // type, direction, strike, barrier: every type with the strike on both sides of the barrier
        { OptionType.Call, BarrierDirection.Down, 75, 60 }, { OptionType.Call, BarrierDirection.Down, 55, 60 },
        { OptionType.Call, BarrierDirection.Up, 75, 90 }, { OptionType.Call, BarrierDirection.Up, 95, 90 },
        { OptionType.Put, BarrierDirection.Down, 75, 60 }, { OptionType.Put, BarrierDirection.Down, 55, 60 },
        { OptionType.Put, BarrierDirection.Up, 75, 90 }, { OptionType.Put, BarrierDirection.Up, 95, 90 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ClosedForm_MatchesQLNetAnalyticBarrierEngine(OptionType type, BarrierDirection direction, double strike, double barrier)
    {
        // QLNet pays a knock-out rebate when the barrier is hit, ours at expiry: compare knock-outs without
        // rebate, knock-ins with one (paid at expiry in both), then check out-with-rebate by parity.
        var expiry = new DateOnly(2027, 3, 2);
        double t = (expiry.DayNumber - Today.DayNumber) / 365.0;
        var knockIn = Option(type, direction, BarrierKnock.In, strike, barrier, rebate: 3, expiry: t);
        var knockOut = Option(type, direction, BarrierKnock.Out, strike, barrier, rebate: 0, expiry: t);
        AssertClose(Qlnet(type, direction, BarrierKnock.In, strike, barrier, 3, expiry), ReinerRubinsteinBarrier.PriceContinuous(knockIn));
        AssertClose(Qlnet(type, direction, BarrierKnock.Out, strike, barrier, 0, expiry), ReinerRubinsteinBarrier.PriceContinuous(knockOut));

        var outWithRebate = Option(type, direction, BarrierKnock.Out, strike, barrier, rebate: 3, expiry: t);
        double vanilla = Black76.Price(type, Forward, strike, t, Volatility, knockIn.DiscountFactor);
        AssertClose(vanilla + 3 * knockIn.DiscountFactor,
            ReinerRubinsteinBarrier.PriceContinuous(knockIn) + ReinerRubinsteinBarrier.PriceContinuous(outWithRebate));
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * Math.Max(Math.Abs(expected), 1), $"{actual:R} vs {expected:R}");

    private static double Qlnet(OptionType type, BarrierDirection direction, BarrierKnock knock, double strike, double barrier,
        double rebate, DateOnly expiry)
    {
        var today = new QL.Date(Today.Day, (QL.Month)Today.Month, Today.Year);
        QL.Settings.setEvaluationDate(today);
        var dayCounter = new QL.Actual365Fixed();
        var rates = new QL.Handle<QL.YieldTermStructure>(new QL.FlatForward(today, Rate, dayCounter));
        var vol = new QL.Handle<QL.BlackVolTermStructure>(new QL.BlackConstantVol(today, new QL.TARGET(), Volatility, dayCounter));
        // Dividend yield = risk-free rate: zero carry, the underlying drifts like a futures price.
        var process = new QL.BlackScholesMertonProcess(new QL.Handle<QL.Quote>(new QL.SimpleQuote(Forward)), rates, rates, vol);
        var barrierType = (direction, knock) switch
        {
            (BarrierDirection.Down, BarrierKnock.In) => QL.Barrier.Type.DownIn,
            (BarrierDirection.Down, BarrierKnock.Out) => QL.Barrier.Type.DownOut,
            (BarrierDirection.Up, BarrierKnock.In) => QL.Barrier.Type.UpIn,
            _ => QL.Barrier.Type.UpOut,
        };
        var option = new QL.BarrierOption(barrierType, barrier, rebate,
            new QL.PlainVanillaPayoff(type == OptionType.Call ? QL.Option.Type.Call : QL.Option.Type.Put, strike),
            new QL.EuropeanExercise(new QL.Date(expiry.Day, (QL.Month)expiry.Month, expiry.Year)));
        option.setPricingEngine(new QL.AnalyticBarrierEngine(process));
        return option.NPV();
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MonteCarloContinuous_BrownianBridge_WithinFourSEOfClosedForm(OptionType type, BarrierDirection direction, double strike, double barrier)
    {
        foreach (var (knock, rebate, seed) in new[] { (BarrierKnock.Out, 2.0, 201UL), (BarrierKnock.In, 1.0, 202UL) })
        {
            var option = Option(type, direction, knock, strike, barrier, rebate);
            var estimate = MonteCarloRuns.Barrier(option, new MonteCarloSettings { Paths = 40_000, Seed = seed, ControlVariate = true }, steps: 50);
            McAssert.WithinStandardErrors(BarrierOptionPricer.PriceAnalytic(option), estimate, label: $"{knock}");
        }
    }

    [Fact]
    public void MonteCarloDiscrete_ConvergesToContinuous_AndMatchesBroadieGlassermanKou()
    {
        // Down-and-out call, barrier 60: discrete monitoring is worth more than continuous (fewer looks);
        // the gap shrinks like 1/√n, and the BGK-shifted closed form tracks the discrete MC at every n.
        double continuous = BarrierOptionPricer.PriceAnalytic(Option(OptionType.Call, BarrierDirection.Down, BarrierKnock.Out, 70, 60));
        double previousGap = double.PositiveInfinity;
        foreach (int n in new[] { 12, 52, 252, 1000 })
        {
            var times = Enumerable.Range(1, n).Select(i => i == n ? 1.0 : (double)i / n).ToArray();
            var option = Option(OptionType.Call, BarrierDirection.Down, BarrierKnock.Out, 70, 60, monitoring: times);
            var estimate = MonteCarloRuns.Barrier(option, new MonteCarloSettings { Paths = 40_000, Seed = 203, ControlVariate = true });
            McAssert.WithinStandardErrors(BarrierOptionPricer.PriceAnalytic(option), estimate, label: $"BGK n={n}");
            double gap = estimate.Value - continuous;
            Assert.True(gap < previousGap, $"n={n}: gap {gap:F5} did not shrink from {previousGap:F5}");
            previousGap = gap;
        }
        Assert.True(previousGap < 0.1, $"gap at 1000 looks {previousGap:F5}");
    }

    [Theory]
    [InlineData(OptionType.Call, BarrierDirection.Up, 70.0, 85.0, true)]
    [InlineData(OptionType.Put, BarrierDirection.Down, 72.0, 58.0, true)]
    [InlineData(OptionType.Call, BarrierDirection.Down, 65.0, 62.0, false)]
    [InlineData(OptionType.Put, BarrierDirection.Up, 75.0, 80.0, false)]
    public void InPlusOut_EqualsVanillaPlusRebate_WithCommonRandomNumbers(OptionType type, BarrierDirection direction, double strike,
        double barrier, bool continuous)
    {
        const double rebate = 2.5;
        var monitoring = continuous ? null : Enumerable.Range(1, 52).Select(i => i == 52 ? 1.0 : i / 52.0).ToArray();
        var settings = new MonteCarloSettings { Paths = 20_000, Seed = 204, ControlVariate = true };
        var knockIn = MonteCarloRuns.Barrier(Option(type, direction, BarrierKnock.In, strike, barrier, rebate, monitoring: monitoring), settings, steps: 52);
        var knockOut = MonteCarloRuns.Barrier(Option(type, direction, BarrierKnock.Out, strike, barrier, rebate, monitoring: monitoring), settings, steps: 52);
        // The same 52-step grid and seed drive the vanilla: identical paths.
        double df = Math.Exp(-Rate);
        var vanilla = MonteCarloSimulator.Run(new Black76Model(Forward, Volatility), TimeGrid.Uniform(1.0, 52), new EuropeanPayoff(type, strike), settings);
        double expected = df * (vanilla.Value + rebate);
        Assert.True(Math.Abs(knockIn.Value + knockOut.Value - expected) <= 1e-12 * expected,
            $"in {knockIn.Value:R} + out {knockOut.Value:R} vs {expected:R}");
    }

    [Fact]
    public void BadInput_NamesTheField()
    {
        Assert.Equal("barrier", Assert.Throws<InvalidInputException>(() => Option(OptionType.Call, BarrierDirection.Up, BarrierKnock.Out, 70, 70)).Field);
        Assert.Equal("barrier", Assert.Throws<InvalidInputException>(() => Option(OptionType.Put, BarrierDirection.Down, BarrierKnock.In, 70, 75)).Field);
        Assert.Equal("rebate", Assert.Throws<InvalidInputException>(() => Option(OptionType.Put, BarrierDirection.Down, BarrierKnock.In, 70, 60, rebate: -1)).Field);
        Assert.Equal("monitoringTimes", Assert.Throws<InvalidInputException>(() =>
            Option(OptionType.Put, BarrierDirection.Down, BarrierKnock.In, 70, 60, monitoring: [0.5, 0.9])).Field);
        Assert.Equal("monitoringTimes[1]", Assert.Throws<InvalidInputException>(() =>
            Option(OptionType.Put, BarrierDirection.Down, BarrierKnock.In, 70, 60, monitoring: [0.5, 0.5, 1.0])).Field);
        var merton = new MertonDynamics(new LogNormalJumps(6.1, -0.029, 0.083));
        Assert.Equal("model", Assert.Throws<InvalidInputException>(() => MonteCarloRuns.Barrier(
            Option(OptionType.Call, BarrierDirection.Up, BarrierKnock.Out, 70, 90), new MonteCarloSettings { Paths = 1000, Seed = 1 }, merton)).Field);

        // Contract level: the barrier's side is checked at resolve time, against the forward.
        var market = new MarketSnapshot(Today, new FlatDiscountCurve(Rate),
            [new("EUA", new FuturesCurve(Today, [(new DateOnly(2026, 12, 21), Forward), (new DateOnly(2027, 12, 20), 72.83)]))],
            [new("EUA", new FlatVolSurface(Volatility))]);
        var contract = new BarrierOption("EUA", OptionType.Call, 70, BarrierDirection.Up, BarrierKnock.Out, 68, 0,
            new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 21), 1000, "EUR", BarrierMonitoring.Daily);
        Assert.Equal("barrier", Assert.Throws<InvalidInputException>(() => contract.Resolve(market)).Field);
        Assert.Equal("rebate", Assert.Throws<InvalidInputException>(() => (contract with { Rebate = double.NaN }).Validate(Today)).Field);
        Assert.Equal("futuresDelivery", Assert.Throws<InvalidInputException>(() =>
            (contract with { FuturesDelivery = new DateOnly(2026, 12, 1) }).Validate(Today)).Field);
    }

    [Fact]
    public void Resolve_DailyMonitoring_ObservesEveryWeekdayToExpiry()
    {
        var market = new MarketSnapshot(Today, new FlatDiscountCurve(Rate),
            [new("EUA", new FuturesCurve(Today, [(new DateOnly(2026, 12, 21), Forward)]))], [new("EUA", new FlatVolSurface(Volatility))]);
        var resolved = new BarrierOption("EUA", OptionType.Call, 70, BarrierDirection.Up, BarrierKnock.Out, 90, 0,
            new DateOnly(2026, 3, 16), new DateOnly(2026, 12, 21), 1000, "EUR", BarrierMonitoring.Daily).Resolve(market);
        Assert.Equal(10, resolved.MonitoringTimes.Length); // Tue 3 .. Mon 16 March: 10 weekdays
        Assert.Equal(resolved.Expiry, resolved.MonitoringTimes[^1]);
    }
}

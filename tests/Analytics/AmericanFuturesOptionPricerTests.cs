using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Simulation.EarlyExercise;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Tests.Support;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// Longstaff–Schwartz prices of American and Bermudan options on futures against QLNet's 2,000-step
/// CRR binomial tree (<see cref="QlnetAmericanReference"/>) and the Black-76 European price. Seeds are
/// fixed; each 4-SE check fails a correct engine with probability 6·10⁻⁵. LSM is low-biased by its
/// sub-optimal exercise rule and by exercising on 50 dates instead of continuously; both biases were
/// measured below 0.25% on these cases, inside the 0.5% tolerance.
/// </summary>
public class AmericanFuturesOptionPricerTests
{
    private const int Steps = 50;
    private static readonly MonteCarloSettings Settings = new() { Paths = 100_000, Seed = 7, Antithetic = true, ControlVariate = true };

    private static ResolvedFuturesOption Option(OptionType type, double forward, double strike, int days, double volatility, double rate)
    {
        double expiry = days / 365.0;
        return new ResolvedFuturesOption(type, strike, expiry, forward, volatility, Math.Exp(-rate * expiry), 1);
    }

    [Theory]
    [MemberData(nameof(QlnetAmericanReference.Cases), MemberType = typeof(QlnetAmericanReference))]
    public void PriceBlack76_American_WithinHalfPercentAndFourSEOfQlnetBinomial(OptionType type, double forward, double strike,
        int days, double volatility, double rate)
    {
        var option = Option(type, forward, strike, days, volatility, rate);
        var estimate = MonteCarloRuns.LongstaffSchwartz(option, ResolvedExercise.American, Steps, Settings);
        double binomial = QlnetAmericanReference.Binomial(type, forward, strike, days, volatility, rate);
        Assert.True(Math.Abs(estimate.Value / binomial - 1) < 0.005, $"LSM {estimate.Value:F4} vs binomial {binomial:F4}");
        McAssert.WithinStandardErrors(binomial, estimate, label: "LSM vs 2,000-step CRR");
    }

    [Fact]
    public void PriceBlack76_AmericanPutWithPositiveRate_ExceedsEuropeanByManyStandardErrors()
    {
        var option = Option(OptionType.Put, 80, 90, 365, 0.45, 0.05);
        var american = MonteCarloRuns.LongstaffSchwartz(option, ResolvedExercise.American, Steps, Settings);
        double european = Black76OptionPricer.Price(option);
        // The binomial premium is 0.27 (19.90 vs 19.63); the LSM premium must be clearly positive.
        Assert.True(american.Value > european + 4 * american.StandardError, $"American {american.Value:F4} ± {american.StandardError:F4}, European {european:F4}");
    }

    [Theory]
    [MemberData(nameof(QlnetAmericanReference.BermudanCases), MemberType = typeof(QlnetAmericanReference))]
    public void PriceBlack76_Bermudan_WithinHalfPercentAndFourSEOfQlnetFiniteDifference(OptionType type, double forward, double strike,
        int days, double volatility, double rate, int every)
    {
        var option = Option(type, forward, strike, days, volatility, rate);
        var exercise = ResolvedExercise.Bermudan(QlnetAmericanReference.ExerciseDays(days, every).Select(d => d / 365.0).ToArray());
        var estimate = MonteCarloRuns.LongstaffSchwartz(option, exercise, Steps, Settings);
        double reference = QlnetAmericanReference.BermudanFiniteDifference(type, forward, strike, days, volatility, rate, every);
        Assert.True(Math.Abs(estimate.Value / reference - 1) < 0.005, $"LSM {estimate.Value:F4} vs QLNet FD {reference:F4}");
        McAssert.WithinStandardErrors(reference, estimate, label: "LSM vs QLNet FD Bermudan");
    }

    [Fact]
    public void PriceBlack76_QuarterlyBermudan_LiesBetweenEuropeanAndAmerican()
    {
        var option = Option(OptionType.Put, 60, 70, 730, 0.35, 0.06);
        var quarters = ResolvedExercise.Bermudan([0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75]);
        var bermudan = MonteCarloRuns.LongstaffSchwartz(option, quarters, Steps, Settings);
        var american = MonteCarloRuns.LongstaffSchwartz(option, ResolvedExercise.American, Steps, Settings);
        double european = Black76OptionPricer.Price(option);
        Assert.True(bermudan.Value > european + 4 * bermudan.StandardError, $"Bermudan {bermudan.Value:F4}, European {european:F4}");
        Assert.True(bermudan.Value < american.Value, $"Bermudan {bermudan.Value:F4}, American {american.Value:F4}");
    }

    [Theory]
    [InlineData(OptionType.Put, 80, 90)]
    [InlineData(OptionType.Call, 90, 80)]
    public void PriceBlack76_ZeroRate_AmericanEqualsEuropeanWithinFourSE(OptionType type, double forward, double strike)
    {
        // With r = 0 an option on a martingale is never worth exercising early (Jensen): American = Black-76 European.
        var option = Option(type, forward, strike, 365, 0.45, 0.0);
        var american = MonteCarloRuns.LongstaffSchwartz(option, ResolvedExercise.American, Steps, Settings);
        McAssert.WithinStandardErrors(Black76OptionPricer.Price(option), american, label: "LSM at r = 0 vs Black-76");
    }

    [Fact]
    public void PriceBlack76_EuropeanExercise_EqualsTheEuropeanPayoffOnTheSamePaths()
    {
        var option = Option(OptionType.Put, 80, 90, 365, 0.45, 0.05);
        var settings = Settings with { Paths = 20_000 };
        var lsm = MonteCarloRuns.LongstaffSchwartz(option, ResolvedExercise.European, Steps, settings);
        // One exercise date: the regression's payoff is the European payoff on the same 50-step paths.
        var european = MonteCarloSimulator.Run(new Black76Model(option.Forward, option.Volatility), TimeGrid.Uniform(option.Expiry, Steps),
            new EuropeanPayoff(option.Type, option.Strike), settings).Scale(option.DiscountFactor * option.LotSize);
        // Same paths and control; only where the discount factor is applied differs (per path vs on the mean): rounding.
        Assert.True(Math.Abs(european.Value - lsm.Value) <= 1e-12 * european.Value, $"{lsm.Value:R} vs {european.Value:R}");
        Assert.True(Math.Abs(european.StandardError - lsm.StandardError) <= 1e-9 * european.StandardError);
    }

    [Fact]
    public void PriceBlack76_SameSeed_BitIdenticalWithOneTwoAndEightThreads()
    {
        var option = Option(OptionType.Put, 80, 90, 365, 0.45, 0.05);
        var results = new[] { 1, 2, 8 }.Select(threads => MonteCarloRuns.LongstaffSchwartz(option, ResolvedExercise.American, 20,
            new MonteCarloSettings { Paths = 30_000, Seed = 11, MaxDegreeOfParallelism = threads })).ToArray();
        foreach (var r in results[1..])
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(results[0].Value), BitConverter.DoubleToInt64Bits(r.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(results[0].StandardError), BitConverter.DoubleToInt64Bits(r.StandardError));
        }
    }

    [Fact]
    public void PriceBlack76_BermudanTimeAfterExpiry_RefusedNamingTheTime()
    {
        var option = Option(OptionType.Put, 80, 90, 365, 0.45, 0.05);
        var error = Assert.Throws<InvalidInputException>(() =>
            MonteCarloRuns.LongstaffSchwartz(option, ResolvedExercise.Bermudan([0.5, 1.5]), Steps, Settings));
        Assert.Equal("exercise.times[1]", error.Field);
    }

    [Fact]
    public void OptionExerciseResolve_BermudanDateAfterExpiry_RefusedNamingTheDate()
    {
        var today = new DateOnly(2026, 3, 2);
        var market = new MarketSnapshot(today, new FlatDiscountCurve(0.03), [], []);
        var exercise = OptionExercise.Bermudan(new DateOnly(2026, 6, 1), new DateOnly(2027, 1, 4));
        var error = Assert.Throws<InvalidInputException>(() => exercise.Resolve(market, new DateOnly(2026, 12, 16)));
        Assert.Equal("exerciseDates[1]", error.Field);
        Assert.Equal(2, OptionExercise.Bermudan(new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 1)).Resolve(market, new DateOnly(2026, 12, 16)).Times.Count);
    }

    [Fact]
    public void TrainingPaths_BoundedByPathsCapAndMemory()
    {
        Assert.Equal(1_024, LongstaffSchwartzTraining.TrainingPaths(500, 50));
        Assert.Equal(65_536, LongstaffSchwartzTraining.TrainingPaths(1_000_000, 50));
        Assert.True(LongstaffSchwartzTraining.TrainingPaths(1_000_000, 2_000) * 2_000L <= LongstaffSchwartzTraining.MaxTrainingValues + 1_024 * 2_000L);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;
using Xunit;
using Xunit.Abstractions;

using CarbonDerivatives.Tests.Support;

namespace CarbonDerivatives.Tests.Models;

/// <summary>
/// Daily price limits (CEA ±10%, MARKETS.md) on a Black-76 or Merton fundamental: the limits hold on
/// every path, bind under high volatility, change nothing where they never bind, and are refused when
/// meaningless; option values against <see cref="PriceLimitReference"/>: exact for one session (a call
/// spread on the fundamental), a one-dimensional integral of that closed form for two.
/// </summary>
public class PriceLimitModelTests(ITestOutputHelper output)
{
    private const double Cea = 67.51; // CEA close 2025-06-03 (MARKETS.md)
    private const double TradingDaysPerYear = 242;

    [Fact]
    public void Run_HighVolatility_EveryDailyMoveWithinLimitAndSomeAtIt()
    {
        var model = new PriceLimitModel(new Black76Model(Cea, 1.5), 0.10); // daily sd 9.6%: the limit binds often
        var grid = TimeGrid.Uniform(20 / TradingDaysPerYear, 20);
        var settings = new MonteCarloSettings { Paths = 20_000, Seed = 5 };
        var violations = MonteCarloSimulator.Run(model, grid, new DailyMoveProbe(Cea, 0.10, countViolations: true), settings);
        var limitDays = MonteCarloSimulator.Run(model, grid, new DailyMoveProbe(Cea, 0.10, countViolations: false), settings);
        Assert.Equal(0.0, violations.Value);
        Assert.True(limitDays.Value > 1, $"mean limit days per path {limitDays.Value}"); // P(|z| > 0.10/0.096) ≈ 0.3 a day
    }

    [Fact]
    public void Run_LimitNeverBinds_BitIdenticalToInnerModel()
    {
        // 20% vol: a daily move of 99% would be a 77-sigma event, so the clamp never changes a price.
        var inner = new MertonJumpDiffusionModel(Cea, 0.2, new LogNormalJumps(6.1, -0.029, 0.083));
        var grid = TimeGrid.Uniform(60 / TradingDaysPerYear, 60);
        var payoff = new ArithmeticAveragePayoff(OptionType.Call, 70);
        var settings = new MonteCarloSettings { Paths = 10_000, Seed = 3, Antithetic = true };
        var plain = MonteCarloSimulator.Run(inner, grid, payoff, settings);
        foreach (double? limit in new double?[] { null, 0.99 })
        {
            var limited = MonteCarloSimulator.Run(new PriceLimitModel(inner, limit), grid, payoff, settings);
            Assert.Equal(BitConverter.DoubleToInt64Bits(plain.Value), BitConverter.DoubleToInt64Bits(limited.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(plain.StandardError), BitConverter.DoubleToInt64Bits(limited.StandardError));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_LimitOutsideZeroOne_RefusedNamingLimit(double limit)
    {
        var error = Assert.Throws<InvalidInputException>(() => new PriceLimitModel(new Black76Model(Cea, 0.3), limit));
        Assert.Equal("limit", error.Field);
    }

    [Fact]
    public void Run_ControlVariateUnderLimits_RefusedNamingSettingsControlVariate()
    {
        var model = new PriceLimitModel(new Black76Model(Cea, 0.3), 0.10);
        var error = Assert.Throws<InvalidInputException>(() => MonteCarloSimulator.Run(model, TimeGrid.Uniform(0.1, 24),
            new EuropeanPayoff(OptionType.Call, Cea), new MonteCarloSettings { Paths = 1_000, ControlVariate = true }));
        Assert.Equal("monteCarlo.controlVariate", error.Field);
        var option = new ResolvedFuturesOption(OptionType.Call, Cea, 0.1, Cea, 0.3, 0.99, 1_000) { PriceLimit = new ResolvedPriceLimit(0.10, 24) };
        error = Assert.Throws<InvalidInputException>(() => MonteCarloRuns.Option(option, new MonteCarloSettings { Paths = 1_000, ControlVariate = true }));
        Assert.Equal("monteCarlo.controlVariate", error.Field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void PriceBlack76_ShortExpiryAtTheMoney_LimitsLowerTheValue(int days)
    {
        // Over one session the limited settlement is min(F*, 1.1·S_0) above the strike, so an ATM call pays
        // less on every path; over a few sessions the settlement still cannot follow the largest moves.
        var option = new ResolvedFuturesOption(OptionType.Call, Cea, days / TradingDaysPerYear, Cea, 1.5, 1.0, 1_000) // daily sd 9.6%
        { PriceLimit = new ResolvedPriceLimit(0.10, days) };
        var valuation = MonteCarloRuns.Option(option, new MonteCarloSettings { Paths = 100_000, Seed = 17 });
        var free = valuation.WithoutLimits!;
        double slack = 4 * (valuation.StandardError + free.StandardError);
        output.WriteLine($"{days} days: with {valuation.Value:F2} ± {valuation.StandardError:F2}, without {free.Value:F2} ± {free.StandardError:F2}");
        Assert.True(valuation.Value - free.Value < -slack, $"with limits {valuation.Value:F2}, without {free.Value:F2}");
    }

    [Fact]
    public void PriceBlack76_WithoutLimitsSide_MatchesBlack76ClosedForm()
    {
        var option = new ResolvedFuturesOption(OptionType.Put, 70, 0.25, Cea, 0.35, 0.995, 1_000) { PriceLimit = new ResolvedPriceLimit(0.10, 60) };
        var valuation = MonteCarloRuns.Option(option, new MonteCarloSettings { Paths = 100_000, Seed = 23, Antithetic = true });
        var free = valuation.WithoutLimits!;
        CarbonDerivatives.Tests.Simulation.McAssert.WithinStandardErrors(Black76OptionPricer.Price(option),
            new MonteCarloEstimate(free.Value, free.StandardError, valuation.Paths, 60, null, 1, TimeSpan.Zero));
        output.WriteLine($"60 days put: with {valuation.Value:F2} ± {valuation.StandardError:F2}, without {free.Value:F2}");
    }

    public static TheoryData<OptionType, double> ClampedStrikes => new()
    {
        { OptionType.Call, 0.85 }, // below the band: (0.9F − K)·DF + C(0.9F) − C(1.1F)
        { OptionType.Call, 0.95 }, // inside: the call spread C(K) − C(1.1F)
        { OptionType.Call, 1.00 },
        { OptionType.Call, 1.05 },
        { OptionType.Put, 0.95 },  // inside: the put spread P(K) − P(0.9F)
        { OptionType.Put, 1.00 },
        { OptionType.Put, 1.15 },  // above the band: (K − 1.1F)·DF + P(1.1F) − P(0.9F)
    };

    [Theory]
    [MemberData(nameof(ClampedStrikes))]
    public void PriceBlack76_OneSession_MatchesTheClampedClosedFormWithinFourSE(OptionType type, double moneyness)
    {
        // One session at 120% vol (daily sd 7.7%): the settlement is clamp(F*_T, 0.9F, 1.1F), whose options are spreads
        // of Black-76 options on the fundamental (QLNet's blackFormula).
        AssertWithinFourSEOfTheReference(type, moneyness, sessions: 1, seed: 29, PriceLimitReference.OneSession);
    }

    [Fact]
    public void PriceBlack76_OneSessionCallBeyondTheBand_ExactlyWorthless()
    {
        // K = 1.15F: the settlement cannot pass 1.1F in one session, so every path pays 0, though the fundamental's call is worth something.
        var option = new ResolvedFuturesOption(OptionType.Call, 1.15 * Cea, 1 / TradingDaysPerYear, Cea, 1.2, 0.9999, 1_000)
        { PriceLimit = new ResolvedPriceLimit(0.10, 1) };
        var valuation = MonteCarloRuns.Option(option, new MonteCarloSettings { Paths = 100_000, Seed = 3 });
        Assert.Equal(0.0, valuation.Value);
        Assert.Equal(0.0, valuation.StandardError);
        Assert.True(valuation.WithoutLimits!.Value > 10 * valuation.WithoutLimits.StandardError);
    }

    [Theory]
    [InlineData(OptionType.Call, 0.90)]
    [InlineData(OptionType.Call, 1.00)]
    [InlineData(OptionType.Call, 1.12)]
    [InlineData(OptionType.Put, 1.00)]
    [InlineData(OptionType.Put, 0.85)]
    public void PriceBlack76_TwoSessions_MatchesTheIntegratedClosedFormWithinFourSE(OptionType type, double moneyness)
    {
        // Two sessions at 120% vol: the second settlement is clamped around the first, so a call struck at 1.12F (beyond
        // one session's reach) is worth something; the reference integrates the one-session closed form over day one.
        AssertWithinFourSEOfTheReference(type, moneyness, sessions: 2, seed: 31, PriceLimitReference.TwoSessions);
    }

    /// <summary>A CEA option over <paramref name="sessions"/> sessions at 120% vol, ±10% limits, 200,000 antithetic paths, against <paramref name="reference"/>.</summary>
    private void AssertWithinFourSEOfTheReference(OptionType type, double moneyness, int sessions, ulong seed,
        Func<ResolvedFuturesOption, double, double> reference)
    {
        double expiry = sessions / TradingDaysPerYear;
        var option = new ResolvedFuturesOption(type, moneyness * Cea, expiry, Cea, 1.2, Math.Exp(-0.025 * expiry), 1_000)
        { PriceLimit = new ResolvedPriceLimit(0.10, sessions) };
        var valuation = MonteCarloRuns.Option(option, new MonteCarloSettings { Paths = 200_000, Seed = seed, Antithetic = true });
        double expected = reference(option, 0.10);
        output.WriteLine($"{sessions} sessions, {type} K = {moneyness:F2}F: MC {valuation.Value:F3} ± {valuation.StandardError:F3}, " +
                         $"reference {expected:F3}, without limits {valuation.WithoutLimits!.Value:F3}");
        CarbonDerivatives.Tests.Simulation.McAssert.WithinStandardErrors(expected, valuation, label: $"{sessions} sessions");
    }
}

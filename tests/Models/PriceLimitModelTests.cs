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
/// meaningless. There is no closed form under limits; the references are the limit itself and the
/// unconstrained model on the same paths.
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
}

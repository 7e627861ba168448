using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.RegimeSwitching;

/// <summary>
/// Markov-switching volatility: the regime-path simulation against the occupation-time mixture (an exact recursion
/// over regime counts, separate code from the stepper), on the 3-state EUA fit of MARKETS.md (22.8% / 40.3% / 95.4%,
/// persistence 0.979 / 0.972 / 0.923 a day) and a 2-state chain, from different starting regimes, within 4 SE at
/// 100,000 paths; one regime is Black-76; bad parameters are named.
/// </summary>
public class RegimeSwitchingPricingTests
{
    /// <summary>The MARKETS.md fit: the off-diagonal mass of each row split between the other two regimes.</summary>
    internal static RegimeSwitchingParameters Eua(double[]? start = null) => new([0.228, 0.403, 0.954], null,
        [[0.979, 0.016, 0.005], [0.020, 0.972, 0.008], [0.017, 0.060, 0.923]], 252, start);

    public static TheoryData<OptionType, double, double, int, int> Cases => new()
    {
        // type, K, T, start regime (-1: stationary), grid steps
        { OptionType.Call, 70, 0.25, -1, 1 },
        { OptionType.Put, 60, 0.25, -1, 1 },
        { OptionType.Call, 85, 1.0, -1, 4 },
        { OptionType.Put, 70, 1.0, 0, 1 },     // calm today
        { OptionType.Call, 70, 0.5, 2, 1 },    // in the crisis regime today
        { OptionType.Put, 55, 0.5, 2, 3 },
        { OptionType.Call, 100, 2.0, 1, 1 },
        { OptionType.Put, 70, 0.1, 0, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Simulation_WithinFourStandardErrorsOfTheOccupationMixture(OptionType type, double strike, double expiry, int start, int steps)
    {
        var parameters = start < 0 ? Eua() : Eua([.. Enumerable.Range(0, 3).Select(k => k == start ? 1.0 : 0.0)]);
        double reference = RegimeSwitchingEuropean.Price(type, 70, strike, expiry, parameters, 0.97);
        var estimate = MonteCarloSimulator.Run(new RegimeSwitchingModel(70, parameters), TimeGrid.Uniform(expiry, steps), new EuropeanPayoff(type, strike),
            new MonteCarloSettings { Paths = 100_000, Seed = 31, Antithetic = steps % 2 == 0 }).Scale(0.97);
        McAssert.WithinStandardErrors(reference, estimate, label: $"{type} K={strike} T={expiry} start={start}");
    }

    [Fact]
    public void TwoRegimes_SimulationMatchesTheMixture_AndTheMixtureLiesBetweenTheRegimesBlackPrices()
    {
        var parameters = new RegimeSwitchingParameters([0.2, 0.6], null, [[0.99, 0.01], [0.03, 0.97]], 252, [1, 0]);
        double mixture = RegimeSwitchingEuropean.Price(OptionType.Call, 50, 50, 1, parameters, 1);
        var estimate = MonteCarloSimulator.Run(new RegimeSwitchingModel(50, parameters), TimeGrid.Uniform(1, 1), new EuropeanPayoff(OptionType.Call, 50),
            new MonteCarloSettings { Paths = 100_000, Seed = 32 });
        McAssert.WithinStandardErrors(mixture, estimate);
        Assert.InRange(mixture, Black76.Price(OptionType.Call, 50, 50, 1, 0.2, 1), Black76.Price(OptionType.Call, 50, 50, 1, 0.6, 1));
    }

    [Fact]
    public void OneRegime_IsBlack76()
    {
        var single = new RegimeSwitchingParameters([0.35], null, [[1.0]]);
        Assert.Equal(Black76.Price(OptionType.Put, 70, 65, 0.8, 0.35, 0.98), RegimeSwitchingEuropean.Price(OptionType.Put, 70, 65, 0.8, single, 0.98), 1e-12);
    }

    [Fact]
    public void TerminalMean_IsTheFuturesPrice()
    {
        var estimate = MonteCarloSimulator.Run(new RegimeSwitchingModel(70, Eua()), TimeGrid.Uniform(1, 12), new EuropeanPayoff(OptionType.Call, 1e-9),
            new MonteCarloSettings { Paths = 100_000, Seed = 33 });
        McAssert.WithinStandardErrors(70 - 1e-9, estimate);
    }

    [Fact]
    public void Parameters_Bad_AreRefusedNamingTheField()
    {
        Assert.Equal("transition[1]", Assert.Throws<InvalidInputException>(() =>
            new RegimeSwitchingParameters([0.2, 0.5], null, [[0.9, 0.1], [0.3, 0.6]])).Field);
        Assert.Equal("transition[0][0]", Assert.Throws<InvalidInputException>(() =>
            new RegimeSwitchingParameters([0.2, 0.5], null, [[1.1, -0.1], [0.3, 0.7]])).Field);
        Assert.Equal("volatilities[1]", Assert.Throws<InvalidInputException>(() =>
            new RegimeSwitchingParameters([0.2, -0.5], null, [[0.9, 0.1], [0.3, 0.7]])).Field);
        Assert.Equal("transition", Assert.Throws<InvalidInputException>(() =>
            new RegimeSwitchingParameters([0.2, 0.5], null, [[1.0]])).Field);
        Assert.Equal("initialProbabilities", Assert.Throws<InvalidInputException>(() =>
            new RegimeSwitchingParameters([0.2, 0.5], null, [[0.9, 0.1], [0.3, 0.7]], 252, [0.5, 0.6])).Field);
    }
}

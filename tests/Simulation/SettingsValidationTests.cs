using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>Bad simulation input is refused before any work, with the field named.</summary>
public class SettingsValidationTests
{
    private static readonly Black76Model Model = new(80, 0.45);
    private static readonly EuropeanPayoff Payoff = new(OptionType.Call, 80);

    private static MonteCarloEstimate Run(MonteCarloSettings settings, int steps = 10, SimulationLimits? limits = null) =>
        MonteCarloSimulator.Run(Model, TimeGrid.Uniform(1, steps), Payoff, settings, limits);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Run_NonPositivePaths_InvalidInputNamingPaths(long paths)
    {
        var e = Assert.Throws<InvalidInputException>(() => Run(new MonteCarloSettings { Paths = paths }));
        Assert.Equal("monteCarlo.paths", e.Field);
    }

    [Fact]
    public void Run_AbsurdPathCount_BudgetExceeded()
    {
        var e = Assert.Throws<BudgetExceededException>(() => Run(new MonteCarloSettings { Paths = 9_000_000_000_000 }));
        Assert.Equal("monteCarlo.paths", e.Field);
        Assert.Equal("paths", e.Unit);
        Assert.Equal("monteCarlo.paths: requested 9,000,000,000,000 paths, over the budget of 100,000,000 paths", e.Message);
    }

    [Fact]
    public void Run_PathStepsOverBudget_BudgetExceededWithFigures()
    {
        var limits = new SimulationLimits { MaxPathSteps = 1_000_000 };
        var e = Assert.Throws<BudgetExceededException>(() => Run(new MonteCarloSettings { Paths = 200_000 }, steps: 10, limits));
        Assert.Equal(2_000_000, e.Requested);
        Assert.Equal(1_000_000, e.Limit);
        Assert.Equal("path-steps", e.Unit);
        Assert.Equal("monteCarlo.paths: requested 2,000,000 path-steps (200,000 paths × 10 steps), over the budget of 1,000,000 path-steps", e.Message);
    }

    [Fact]
    public void Run_TooManySteps_BudgetExceededNamingSteps()
    {
        var limits = new SimulationLimits { MaxSteps = 100 };
        var e = Assert.Throws<BudgetExceededException>(() => Run(new MonteCarloSettings { Paths = 10 }, steps: 101, limits));
        Assert.Equal("monteCarlo.steps", e.Field);
        Assert.Equal("monteCarlo.steps: requested 101 steps, over the budget of 100 steps", e.Message);
    }

    [Fact]
    public void Run_OddPathsWithAntithetic_InvalidInput()
    {
        var e = Assert.Throws<InvalidInputException>(() => Run(new MonteCarloSettings { Paths = 1001, Antithetic = true }));
        Assert.Equal("monteCarlo.paths", e.Field);
    }

    [Fact]
    public void Run_SobolWithMoreDimensionsThanTheTable_InvalidInputNamingSteps()
    {
        var e = Assert.Throws<InvalidInputException>(() =>
            Run(new MonteCarloSettings { Paths = 1600, Random = RandomKind.SobolBrownianBridge }, steps: SobolSequence.MaxDimensions + 1));
        Assert.Equal("monteCarlo.steps", e.Field);
    }

    [Fact]
    public void Run_SobolPathsNotMultipleOfReplicates_InvalidInput()
    {
        var e = Assert.Throws<InvalidInputException>(() =>
            Run(new MonteCarloSettings { Paths = 1000, Random = RandomKind.SobolBrownianBridge, QuasiRandomReplicates = 16 }));
        Assert.Equal("monteCarlo.paths", e.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5000)]
    public void Run_BadThreadCount_InvalidInput(int threads)
    {
        var e = Assert.Throws<InvalidInputException>(() => Run(new MonteCarloSettings { Paths = 100, MaxDegreeOfParallelism = threads }));
        Assert.Equal("monteCarlo.maxDegreeOfParallelism", e.Field);
    }

    [Theory]
    [InlineData(double.NaN, 0.45, "forward")]
    [InlineData(double.PositiveInfinity, 0.45, "forward")]
    [InlineData(-80, 0.45, "forward")]
    [InlineData(0, 0.45, "forward")]
    [InlineData(80, double.NaN, "volatility")]
    [InlineData(80, -0.2, "volatility")]
    [InlineData(80, double.PositiveInfinity, "volatility")]
    public void Models_BadParameters_InvalidInputNamingField(double forward, double vol, string field)
    {
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => new Black76Model(forward, vol)).Field);
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => new MertonJumpDiffusionModel(forward, vol, null)).Field);
    }

    [Theory]
    [InlineData(-1, 0, 0.1, "jumpIntensity")]
    [InlineData(double.NaN, 0, 0.1, "jumpIntensity")]
    [InlineData(5, double.PositiveInfinity, 0.1, "jumpMean")]
    [InlineData(5, 0, -0.1, "jumpVolatility")]
    public void Jumps_BadParameters_InvalidInputNamingField(double intensity, double mean, double vol, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => new LogNormalJumps(intensity, mean, vol)).Field);

    [Fact]
    public void Jumps_TooManyPerStep_InvalidInputAskingForMoreSteps()
    {
        var model = new MertonJumpDiffusionModel(80, 0.3, new LogNormalJumps(5000, 0, 0.01));
        var e = Assert.Throws<InvalidInputException>(() =>
            MonteCarloSimulator.Run(model, TimeGrid.Uniform(1, 1), Payoff, new MonteCarloSettings { Paths = 100 }));
        Assert.Equal("jumpIntensity", e.Field);
    }

    [Theory]
    [InlineData(double.NaN, 0.5, 60, 0.3, "spot")]
    [InlineData(50, -1, 60, 0.3, "meanReversion")]
    [InlineData(50, 0.5, 0, 0.3, "longRunPrice")]
    [InlineData(50, 0.5, 60, -0.3, "volatility")]
    public void Schwartz_BadParameters_InvalidInputNamingField(double spot, double kappa, double level, double vol, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => new SchwartzOneFactorModel(spot, kappa, level, vol)).Field);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void TimeGrid_NonPositiveOrNaNExpiry_InvalidInputNamingExpiry(double expiry) =>
        Assert.Equal("expiry", Assert.Throws<InvalidInputException>(() => TimeGrid.Uniform(expiry, 10)).Field);

    [Fact]
    public void TimeGrid_UnsortedTimes_InvalidInputNamingTheTime() =>
        Assert.Equal("times[2]", Assert.Throws<InvalidInputException>(() => new TimeGrid([0.1, 0.5, 0.4])).Field);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-80)]
    [InlineData(0)]
    public void Payoff_BadStrike_InvalidInputNamingStrike(double strike) =>
        Assert.Equal("strike", Assert.Throws<InvalidInputException>(() => new EuropeanPayoff(OptionType.Put, strike)).Field);
}

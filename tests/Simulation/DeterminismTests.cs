using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>The same request and seed give the same bits whatever the number of threads.</summary>
public class DeterminismTests
{
    public static TheoryData<string> Configurations => new() { "pseudo", "antithetic+cv", "sobol", "merton" };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Run_SameSeed_BitIdenticalWithOneTwoAndEightThreads(string configuration)
    {
        var results = new[] { 1, 2, 8 }.Select(threads => Simulate(configuration, threads)).ToArray();
        foreach (var r in results[1..])
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(results[0].Value), BitConverter.DoubleToInt64Bits(r.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(results[0].StandardError), BitConverter.DoubleToInt64Bits(r.StandardError));
        }
    }

    [Fact]
    public void Run_DifferentSeeds_DifferentEstimates()
    {
        var settings = new MonteCarloSettings { Paths = 50_000, Seed = 1 };
        var a = MonteCarloSimulator.Run(new Black76Model(80, 0.45), TimeGrid.Uniform(1, 4), new EuropeanPayoff(OptionType.Call, 80), settings);
        var b = MonteCarloSimulator.Run(new Black76Model(80, 0.45), TimeGrid.Uniform(1, 4), new EuropeanPayoff(OptionType.Call, 80), settings with { Seed = 2 });
        Assert.NotEqual(a.Value, b.Value);
    }

    private static MonteCarloEstimate Simulate(string configuration, int threads)
    {
        var grid = TimeGrid.Uniform(1.0, 24);
        var settings = new MonteCarloSettings { Paths = 30_000, Seed = 99, MaxDegreeOfParallelism = threads };
        IPathModel model = new Black76Model(70, 0.45);
        IPathPayoff payoff = new ArithmeticAveragePayoff(OptionType.Call, 72);
        switch (configuration)
        {
            case "antithetic+cv":
                settings = settings with { Antithetic = true, ControlVariate = true };
                break;
            case "sobol":
                settings = settings with { Paths = 32_000, Random = RandomKind.SobolBrownianBridge, QuasiRandomReplicates = 8 };
                break;
            case "merton":
                model = new MertonJumpDiffusionModel(70, 0.33, new LogNormalJumps(6.1, -0.029, 0.083));
                break;
        }
        return MonteCarloSimulator.Run(model, grid, payoff, settings);
    }
}

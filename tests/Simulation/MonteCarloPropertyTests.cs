using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// Properties that hold exactly with common random numbers (same seed): put-call parity through the
/// control variate, monotonicity in forward and strike path by path, SE shrinking as 1/√N.
/// </summary>
public class MonteCarloPropertyTests
{
    public static TheoryData<double, double, double, int> Grid => new()
    {
        { 80, 80, 0.45, 1 }, { 70, 40, 0.3, 12 }, { 70, 120, 0.8, 4 }, { 48, 50, 0.35, 52 },
    };

    [Theory]
    [MemberData(nameof(Grid))]
    public void PutCallParity_WithControlVariate_HoldsToRounding(double forward, double strike, double vol, int steps)
    {
        // Y_call − Y_put = F_T − K path by path, so β_call − β_put = 1 and C − P = F_0 − K exactly.
        foreach (IPathModel model in new IPathModel[]
                 { new Black76Model(forward, vol), new MertonJumpDiffusionModel(forward, vol, new LogNormalJumps(6.1, -0.029, 0.083)) })
        {
            var settings = new MonteCarloSettings { Paths = 50_000, Seed = 3, ControlVariate = true };
            var grid = TimeGrid.Uniform(1.0, steps);
            double call = MonteCarloSimulator.Run(model, grid, new EuropeanPayoff(OptionType.Call, strike), settings).Value;
            double put = MonteCarloSimulator.Run(model, grid, new EuropeanPayoff(OptionType.Put, strike), settings).Value;
            Assert.Equal(forward - strike, call - put, 1e-9 * forward);
        }
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Price_CommonRandomNumbers_IncreasingInForwardAndDecreasingInStrikeForCalls(double forward, double strike, double vol, int steps)
    {
        var settings = new MonteCarloSettings { Paths = 20_000, Seed = 4 };
        var grid = TimeGrid.Uniform(1.0, steps);
        double Call(double f, double k) => MonteCarloSimulator.Run(new Black76Model(f, vol), grid, new ArithmeticAveragePayoff(OptionType.Call, k), settings).Value;
        double Put(double f, double k) => MonteCarloSimulator.Run(new Black76Model(f, vol), grid, new ArithmeticAveragePayoff(OptionType.Put, k), settings).Value;
        Assert.True(Call(forward * 1.01, strike) > Call(forward, strike));
        Assert.True(Call(forward, strike * 1.01) < Call(forward, strike));
        Assert.True(Put(forward * 1.01, strike) < Put(forward, strike));
        Assert.True(Put(forward, strike * 1.01) > Put(forward, strike));
    }

    [Fact]
    public void StandardError_FourTimesThePaths_HalvesWithinTenPercent()
    {
        var grid = TimeGrid.Uniform(1.0, 4);
        var payoff = new EuropeanPayoff(OptionType.Call, 80);
        double small = MonteCarloSimulator.Run(new Black76Model(80, 0.45), grid, payoff, new MonteCarloSettings { Paths = 50_000, Seed = 8 }).StandardError;
        double large = MonteCarloSimulator.Run(new Black76Model(80, 0.45), grid, payoff, new MonteCarloSettings { Paths = 200_000, Seed = 8 }).StandardError;
        Assert.InRange(small / large, 1.8, 2.2);
    }

    [Fact]
    public void ControlVariate_AtTheMoneyAsian_ReducesVarianceSeveralFold()
    {
        var e = MonteCarloSimulator.Run(new Black76Model(80, 0.45), TimeGrid.Uniform(1.0, 12), new ArithmeticAveragePayoff(OptionType.Call, 80),
            new MonteCarloSettings { Paths = 100_000, Seed = 9, ControlVariate = true });
        Assert.True(e.VarianceReduction > 3, $"variance reduction {e.VarianceReduction:F2}");
        Assert.NotNull(e.ControlBeta);
    }

    [Fact]
    public void Antithetic_AtTheMoney_SmallerStandardErrorThanPlainAtSamePaths()
    {
        var grid = TimeGrid.Uniform(1.0, 12);
        var payoff = new ArithmeticAveragePayoff(OptionType.Call, 80);
        var plain = MonteCarloSimulator.Run(new Black76Model(80, 0.45), grid, payoff, new MonteCarloSettings { Paths = 100_000, Seed = 10 });
        var anti = MonteCarloSimulator.Run(new Black76Model(80, 0.45), grid, payoff, new MonteCarloSettings { Paths = 100_000, Seed = 10, Antithetic = true });
        Assert.True(anti.StandardError < plain.StandardError * 0.9, $"antithetic SE {anti.StandardError:G3} vs plain {plain.StandardError:G3}");
    }
}

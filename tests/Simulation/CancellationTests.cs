using System.Diagnostics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>A cancelled token stops a large simulation promptly with OperationCanceledException.</summary>
public class CancellationTests
{
    [Fact]
    public void Run_TokenCancelledMidway_StopsLongBeforeTheFullRun()
    {
        // 10^9 path-steps take seconds; cancelling after 50 ms must end it well under a second.
        using var source = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            MonteCarloSimulator.Run(new Black76Model(80, 0.45), TimeGrid.Uniform(1, 1000), new EuropeanPayoff(OptionType.Call, 80),
                new MonteCarloSettings { Paths = 1_000_000 }, cancellation: source.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopped after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Run_TokenAlreadyCancelled_Throws()
    {
        Assert.ThrowsAny<OperationCanceledException>(() =>
            MonteCarloSimulator.Run(new Black76Model(80, 0.45), TimeGrid.Uniform(1, 10), new EuropeanPayoff(OptionType.Call, 80),
                new MonteCarloSettings { Paths = 10_000 }, cancellation: new CancellationToken(true)));
    }
}

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
        // 10^9 path-steps take seconds: cancelling after 50 ms must end it well under a second. The
        // cancel comes from a dedicated thread: other test classes keep the thread pool (and with it
        // CancelAfter's timer) busy, and that delay is not the simulation's.
        using var source = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        new Thread(() =>
        {
            Thread.Sleep(50);
            source.Cancel();
        }) { IsBackground = true }.Start();
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

using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// Local-vol Monte Carlo (Dupire from an SVI smile, <see cref="LocalVolatilityStepper"/>: a grid lookup, a square root and an
/// exp per path-step, scalar) beside GBM on the same workload: an arithmetic-average call on 252 steps, one core and all cores,
/// and the time to precompute the local-vol grid.
/// </summary>
public static class LocalVolatilityBenchmark
{
    private const int Runs = 5, Steps = 252, Paths = 200_000;

    public static void Run(Dictionary<string, double> figures)
    {
        int cores = Environment.ProcessorCount;
        // A one-year EUA-like SVI slice: ATM about 45%, put skew.
        var surface = new SmileSurface([new SviSlice(1.0, 80, new SviParameters(0.1825, 0.1, -0.4, 0.0, 0.2))]);
        var grid = TimeGrid.Uniform(1.0, Steps);
        var payoff = new ArithmeticAveragePayoff(OptionType.Call, 80);
        var local = new LocalVolatilityModel(80, surface);
        var gbm = new Black76Model(80, surface.Volatility(1.0, 80));
        double pathSteps = (double)Paths * Steps;
        var settings = new MonteCarloSettings { Paths = Paths, Seed = 42 };
        double Rate(IPathModel model, int threads) =>
            pathSteps / Measure.MedianSeconds(Runs, () => MonteCarloSimulator.Run(model, grid, payoff, settings with { MaxDegreeOfParallelism = threads }));
        double gbmOne = Rate(gbm, 1), gbmAll = Rate(gbm, cores), localOne = Rate(local, 1), localAll = Rate(local, cores);
        double prepareSeconds = Measure.MedianSeconds(Runs, () => local.Prepare(grid));
        figures["localvol_path_steps_per_sec_1core"] = localOne;
        figures["localvol_path_steps_per_sec_allcores"] = localAll;
        figures["localvol_gbm_path_steps_per_sec_1core"] = gbmOne;
        figures["localvol_gbm_path_steps_per_sec_allcores"] = gbmAll;
        figures["localvol_grid_seconds"] = prepareSeconds;
        Console.WriteLine($"Local vol (Dupire from SVI, {LocalVolatilityStepper.Nodes} nodes x {Steps} steps) beside GBM, arithmetic-average call, {Paths:N0} paths:");
        Console.WriteLine($"  {"GBM, 1 core",-48} {gbmOne / 1e6,10:F1} M path-steps/s  {1.0,7:F3}x");
        Console.WriteLine($"  {$"GBM, {cores} cores",-48} {gbmAll / 1e6,10:F1} M path-steps/s  {gbmAll / gbmOne,7:F3}x");
        Console.WriteLine($"  {"local vol, 1 core",-48} {localOne / 1e6,10:F1} M path-steps/s  {localOne / gbmOne,7:F3}x");
        Console.WriteLine($"  {$"local vol, {cores} cores",-48} {localAll / 1e6,10:F1} M path-steps/s  {localAll / gbmOne,7:F3}x");
        Console.WriteLine($"  local-vol grid precomputed in {prepareSeconds * 1e3:F1} ms");
    }
}

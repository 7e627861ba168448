using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Pricing.MonteCarlo;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// Spread option (EUA–UKA style, 2 correlated Black-76 legs) by Monte Carlo, 252 steps, on one core and
/// on all cores, in path-steps per second. QLNet has no Monte Carlo spread engine to race, so the
/// comparison is Kirk's closed form (time per price) and the MC's distance from Margrabe at K = 0.
/// </summary>
public static class SpreadBenchmark
{
    private const int Runs = 5, Steps = 252, Paths = 200_000, KirkCalls = 200_000;

    public static void Run(Dictionary<string, double> figures)
    {
        int cores = Environment.ProcessorCount;
        var option = new ResolvedSpreadOption(OptionType.Call, 0, 1.0, new ResolvedSpreadLeg(72, 0.45, 1.0), new ResolvedSpreadLeg(70, 0.40, 1.0),
            0.8, Math.Exp(-0.03), 1000);
        var settings = new MonteCarloSettings { Paths = Paths, Seed = 42 };
        MonteCarloEstimate? last = null;
        double pathSteps = (double)Paths * Steps;
        var group = new SimulationGroup(SpreadSimulation.Model(option, [null, null]), TimeGrid.Uniform(option.Expiry, Steps), EuropeanPayoff.OnSpread(option.Type, option.Strike));
        double scale = option.DiscountFactor * option.LotSize;
        double oneCore = pathSteps / Measure.MedianSeconds(Runs, () => last = Simulations.Estimate(group, settings with { MaxDegreeOfParallelism = 1 }, scale));
        double allCores = pathSteps / Measure.MedianSeconds(Runs, () => last = Simulations.Estimate(group, settings with { MaxDegreeOfParallelism = cores }, scale));
        var kirkOption = new ResolvedSpreadOption(OptionType.Call, 2.0, 1.0, option.Leg1, option.Leg2, 0.8, option.DiscountFactor, 1000);
        double sink = 0;
        double kirkSeconds = Measure.MedianSeconds(Runs, () =>
        {
            for (int i = 0; i < KirkCalls; i++) sink += SpreadOptionPricer.PriceAnalytic(kirkOption).Value;
        }) / KirkCalls;
        double margrabe = SpreadOptionPricer.PriceAnalytic(option).Value;

        figures["spread_path_steps_per_sec_1core"] = oneCore;
        figures["spread_path_steps_per_sec_allcores"] = allCores;
        figures["spread_kirk_seconds_per_price"] = kirkSeconds;
        figures["spread_mc_error_vs_margrabe_in_se"] = (last!.Value - margrabe) / last.StandardError;
        Console.WriteLine($"Spread option, 2 correlated legs (ρ 0.8), {Steps} steps, {Paths:N0} paths (QLNet has no spread MC engine: Kirk's closed form instead):");
        Console.WriteLine($"  {"engine, 1 core",-48} {oneCore / 1e6,10:F1} M path-steps/s  {1.0,7:F3}x");
        Console.WriteLine($"  {$"engine, {cores} cores",-48} {allCores / 1e6,10:F1} M path-steps/s  {allCores / oneCore,7:F3}x");
        Console.WriteLine($"  Kirk closed form: {kirkSeconds * 1e9:F0} ns per price (checksum {sink:E2}); one MC price on all cores takes {pathSteps / allCores * 1e3:F0} ms");
        Console.WriteLine($"  MC (K = 0) {last.Value:F2} ± {last.StandardError:F2} per lot vs Margrabe {margrabe:F2}: {figures["spread_mc_error_vs_margrabe_in_se"]:F2} SE");
    }
}

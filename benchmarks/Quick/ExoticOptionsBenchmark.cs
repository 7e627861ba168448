using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Pricing.MonteCarlo;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using QLNet;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// Asian and barrier options, engine (all cores) vs QLNet's MCDiscreteArithmeticAPEngine and
/// MCBarrierEngine (one thread, biased = discrete monitoring) on the same option, per path-step;
/// and the geometric control variate's variance reduction for a monthly ATM Asian.
/// </summary>
public static class ExoticOptionsBenchmark
{
    private const int Runs = 3;
    private const double Forward = 80, Strike = 80, Volatility = 0.45, Rate = 0.03;

    public static void Run(Dictionary<string, double> figures)
    {
        var monthly = new ResolvedAsianOption(OptionType.Call, Strike, AverageKind.Arithmetic,
            Enumerable.Range(1, 12).Select(i => i / 12.0).ToArray(), [], Forward, Volatility, Math.Exp(-Rate), 1);
        var asianGroup = AsianSimulation.Group(monthly, new Black76Dynamics(), 1);
        double scale = monthly.DiscountFactor * monthly.LotSize;
        var cv = Simulations.Estimate(asianGroup, new MonteCarloSettings { Paths = 100_000, Seed = 42, ControlVariate = true }, scale);
        figures["asian_cv_variance_reduction"] = cv.VarianceReduction;
        Console.WriteLine($"Asian call, 12 monthly fixings, ATM, vol {Volatility:P0}: MC {cv.Value:F4} ± {cv.StandardError:F4}, " +
                          $"Turnbull–Wakeman {AsianOptionPricer.PriceAnalytic(monthly):F4}; geometric control variate: variance reduction {cv.VarianceReduction:F0}x");

        const int paths = 200_000, qlnetPaths = 20_000;
        double asianEngine = (double)paths * 12 / Measure.MedianSeconds(Runs, () =>
            Simulations.Estimate(AsianSimulation.Group(monthly, new Black76Dynamics(), 1), new MonteCarloSettings { Paths = paths, Seed = 42, ControlVariate = true }, scale));
        double asianQlnet = (double)qlnetPaths * 12 / Measure.MedianSeconds(Runs, () => QlnetReference.ArithmeticAverageCall(Forward, Strike, Volatility, Rate, QlnetReference.MonthlyFixingDays(), qlnetPaths, seed: 7, controlVariate: true));
        figures["asian_engine_path_steps_per_sec"] = asianEngine;
        figures["asian_qlnet_path_steps_per_sec"] = asianQlnet;
        Console.WriteLine($"  engine (all cores) {asianEngine / 1e6,8:F1} M path-steps/s; QLNet MCDiscreteArithmeticAPEngine {asianQlnet / 1e6,8:F2} M/s ({asianEngine / asianQlnet:F0}x)");

        const int steps = 252;
        var daily = Enumerable.Range(1, steps).Select(i => i == steps ? 1.0 : (double)i / steps).ToArray();
        var downOut = new ResolvedBarrierOption(OptionType.Call, Strike, BarrierDirection.Down, BarrierKnock.Out, 65, 0, 1.0, Forward,
            Volatility, Math.Exp(-Rate), 1, daily);
        var barrierGroup = BarrierSimulation.Group(downOut, new Black76Dynamics(), steps);
        var barrier = Simulations.Estimate(barrierGroup, new MonteCarloSettings { Paths = paths, Seed = 42, ControlVariate = true }, scale);
        Console.WriteLine($"Down-and-out call, barrier 65, {steps} daily looks: MC {barrier.Value:F4} ± {barrier.StandardError:F4}, BGK closed form {BarrierOptionPricer.PriceAnalytic(downOut):F4}");
        double barrierEngine = (double)paths * steps / Measure.MedianSeconds(Runs, () =>
            Simulations.Estimate(BarrierSimulation.Group(downOut, new Black76Dynamics(), steps), new MonteCarloSettings { Paths = paths, Seed = 42 }, scale));
        double barrierQlnet = (double)qlnetPaths / 4 * steps / Measure.MedianSeconds(Runs, () => QlnetReference.BarrierCall(Forward, Strike, Volatility, Rate, QLNet.Barrier.Type.DownOut, 65, steps, qlnetPaths / 4, seed: 7));
        figures["barrier_engine_path_steps_per_sec"] = barrierEngine;
        figures["barrier_qlnet_path_steps_per_sec"] = barrierQlnet;
        Console.WriteLine($"  engine (all cores) {barrierEngine / 1e6,8:F1} M path-steps/s; QLNet MCBarrierEngine {barrierQlnet / 1e6,8:F2} M/s ({barrierEngine / barrierQlnet:F0}x)");
    }
}

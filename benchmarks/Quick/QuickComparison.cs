using System.Runtime.Intrinsics;
using System.Text.Json;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// One-process, side-by-side figures on one payoff, an arithmetic-average call on 252 fixings (one path step
/// each): the engine on one core and on all cores, a plain scalar loop and QLNet's MCDiscreteArithmeticAPEngine
/// without control variate (the headline ratio); beside it QLNet's MCEuropeanEngine on 252 time steps (same
/// path-steps, a European payoff). QLNet runs on 25,000 paths, as it is ~80x slower; every figure is per
/// path-step, each the median of 5 runs after a warm-up. The machines here are noisy: read the ratios.
/// </summary>
public static class QuickComparison
{
    private const int Runs = 5;
    private const int Steps = 252;
    private const int Paths = 400_000;      // ~0.1 s per run on all cores: long enough to time steadily
    private const int QlnetPaths = 25_000;  // QLNet runs ~80x slower; rates are per path-step either way
    private const double Forward = 80, Strike = 80, Volatility = 0.45, Expiry = 1, Rate = 0.03;

    /// <param name="kernelsOnly">Stop after the kernels (the <c>kernels</c> mode: RNG, GBM, QLNet, Merton, compliance).</param>
    public static int Run(string[] args, bool kernelsOnly = false)
    {
        string? jsonPath = args.Length >= 2 && args[0] == "--json" ? args[1] : null;
        var figures = new Dictionary<string, double>();
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"Machine: {cores} cores, SIMD {SimdTiers.Current} ({SimdTiers.WidthBits}-bit doubles: {SimdTiers.WidthBits / 64}), " +
                          $"AVX-512 {Vector512.IsHardwareAccelerated}, .NET {Environment.Version}; median of {Runs} runs");
        figures["cores"] = cores;
        figures["vector_width_bits"] = SimdTiers.WidthBits;

        figures["rng_normals_per_sec"] = figures["normals_per_sec_1core"] = NormalsPerSecond();
        Console.WriteLine($"RNG normals (xoshiro256+ x8 lanes, Box-Muller), 1 core: {figures["rng_normals_per_sec"] / 1e6,8:F1} M/s");

        Console.WriteLine();
        KernelAnatomy.Run(figures);

        Console.WriteLine();
        Console.WriteLine($"GBM, {Steps} steps, arithmetic-average call, F=K={Forward}, vol {Volatility:P0}, {Paths:N0} paths:");
        var grid = TimeGrid.Uniform(Expiry, Steps);
        var gbm = new Black76Model(Forward, Volatility);
        var average = new ArithmeticAveragePayoff(OptionType.Call, Strike);
        double pathSteps = (double)Paths * Steps;
        double oneCore = pathSteps / Measure.MedianSeconds(Runs, () => Simulate(gbm, grid, average, threads: 1));
        double allCores = pathSteps / Measure.MedianSeconds(Runs, () => Simulate(gbm, grid, average, threads: cores));
        var single = new MonteCarloSettings { Paths = Paths, Seed = 42, Precision = SimulationPrecision.Single };
        MonteCarloEstimate? singleAsian = null;
        double singleOneCore = pathSteps / Measure.MedianSeconds(Runs, () => singleAsian = Simulate(gbm, grid, average, threads: 1, single));
        double scalar = pathSteps / Measure.MedianSeconds(Runs, () =>
            ScalarBaseline.ArithmeticAverageCall(Forward, Strike, Volatility, Expiry, Steps, Paths, seed: 7));
        var fixingDays = QlnetReference.EvenFixingDays(Steps); // i·365/252 days rounded: the engine's i/252 years to half a day
        (double Value, double StandardError) qlnetAsian = default;
        double qlnet = (double)QlnetPaths * Steps / Measure.MedianSeconds(Runs, () => qlnetAsian =
            QlnetReference.ArithmeticAverageCall(Forward, Strike, Volatility, Rate, fixingDays, QlnetPaths, seed: 7, controlVariate: false));
        double qlnetEuropean = (double)QlnetPaths * Steps / Measure.MedianSeconds(Runs, () =>
            QlnetReference.EuropeanCall(Forward, Strike, Volatility, Rate, Steps, QlnetPaths, seed: 7));
        var engineAsian = Simulate(gbm, grid, average, threads: cores);
        double discount = Math.Exp(-Rate * Expiry);
        figures["engine_path_steps_per_sec_1core"] = oneCore;
        figures["engine_path_steps_per_sec_allcores"] = allCores;
        figures["scalar_path_steps_per_sec"] = scalar;
        figures["engine_single_path_steps_per_sec_1core"] = singleOneCore;
        figures["single_to_double_1core"] = singleOneCore / oneCore;
        figures["engine_single_arithmetic_average_price"] = discount * singleAsian!.Value;
        figures["engine_single_arithmetic_average_se"] = discount * singleAsian.StandardError;
        figures["qlnet_path_steps_per_sec"] = qlnet;
        figures["qlnet_european_path_steps_per_sec"] = qlnetEuropean;
        figures["engine_arithmetic_average_price"] = discount * engineAsian.Value;
        figures["engine_arithmetic_average_se"] = discount * engineAsian.StandardError;
        figures["qlnet_arithmetic_average_price"] = qlnetAsian.Value;
        figures["qlnet_arithmetic_average_se"] = qlnetAsian.StandardError;
        Row("engine, 1 core", oneCore, oneCore);
        Row($"engine, {cores} cores", allCores, oneCore);
        Row("engine, single precision, 1 core", singleOneCore, oneCore);
        Row("scalar C# loop, 1 core", scalar, oneCore);
        Row($"QLNet MCDiscreteArithmeticAPEngine ({QlnetPaths:N0} paths, {Steps} fixings)", qlnet, oneCore);
        Row($"QLNet MCEuropeanEngine ({QlnetPaths:N0} paths, {Steps} steps; European)", qlnetEuropean, oneCore);
        figures["engine_allcores_scaling"] = allCores / oneCore;
        figures["engine_path_steps_per_normal_1core"] = oneCore / figures["normals_per_sec_1core"];
        figures["engine_to_qlnet_per_core"] = oneCore / qlnet;
        Console.WriteLine($"  path-steps / normals (1 core) {oneCore / figures["normals_per_sec_1core"]:F2}");
        Console.WriteLine($"  all-cores / 1-core {allCores / oneCore:F2}x; engine(all) / QLNet {allCores / qlnet:F0}x; engine(1) / QLNet {oneCore / qlnet:F0}x; engine(1) / scalar {oneCore / scalar:F1}x");
        Console.WriteLine($"  single precision: {discount * singleAsian.Value:F4} ± {discount * singleAsian.StandardError:F4}, {singleOneCore / oneCore:F2}x double's path-steps/s on one core");
        Console.WriteLine($"  same payoff, discounted: engine {discount * engineAsian.Value:F4} ± {discount * engineAsian.StandardError:F4} ({Paths:N0} paths), " +
                          $"QLNet {qlnetAsian.Value:F4} ± {qlnetAsian.StandardError:F4} ({QlnetPaths:N0} paths)");

        Console.WriteLine();
        var merton = new MertonJumpDiffusionModel(Forward, 0.33, new LogNormalJumps(6.1, -0.029, 0.083));
        double mertonOne = pathSteps / Measure.MedianSeconds(Runs, () => Simulate(merton, grid, average, threads: 1));
        double mertonAll = pathSteps / Measure.MedianSeconds(Runs, () => Simulate(merton, grid, average, threads: cores));
        figures["merton_path_steps_per_sec_1core"] = mertonOne;
        figures["merton_path_steps_per_sec_allcores"] = mertonAll;
        figures["merton_to_gbm_1core"] = mertonOne / oneCore;
        Console.WriteLine("Merton jump-diffusion (EUA fit: vol 33%, 6.1 jumps/yr), same workload:");
        Row("engine, 1 core", mertonOne, mertonOne);
        Row($"engine, {cores} cores", mertonAll, mertonOne);
        Console.WriteLine($"  Merton / GBM (1 core) {mertonOne / oneCore:F2}x");
        Console.WriteLine();
        ComplianceModelBenchmark.Run(figures);
        if (kernelsOnly) return WriteJson(figures, jsonPath);

        Console.WriteLine();
        LocalVolatilityBenchmark.Run(figures);

        Console.WriteLine();
        EuropeanAccuracy(figures);
        Console.WriteLine();
        QuasiRandomConvergence(figures);
        Console.WriteLine();
        PortfolioGreeksBenchmark.Run(figures);
        Console.WriteLine();
        SpreadBenchmark.Run(figures);
        Console.WriteLine();
        ExoticOptionsBenchmark.Run(figures);
        Console.WriteLine();
        AmericanOptionBenchmark.Run(figures);
        Console.WriteLine();
        StochasticVolatilityBenchmark.Run(figures);

        return WriteJson(figures, jsonPath);
    }

    private static int WriteJson(Dictionary<string, double> figures, string? jsonPath)
    {
        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"\nFigures written to {jsonPath}");
        }
        return 0;
    }

    private static void Row(string name, double rate, double baseline) =>
        Console.WriteLine($"  {name,-62} {rate / 1e6,10:F1} M path-steps/s  {rate / baseline,7:F3}x");

    private static MonteCarloEstimate Simulate(IPathModel model, TimeGrid grid, IPathPayoff payoff, int threads,
        MonteCarloSettings? settings = null) =>
        MonteCarloSimulator.Run(model, grid, payoff,
            (settings ?? new MonteCarloSettings { Paths = Paths, Seed = 42 }) with { MaxDegreeOfParallelism = threads });

    private static double NormalsPerSecond()
    {
        var stream = new BlockRandomStream();
        var buffer = new double[1024];
        const int fills = 20_000;
        stream.Reset(1, 0);
        double seconds = Measure.MedianSeconds(Runs, () =>
        {
            for (int i = 0; i < fills; i++) stream.FillNormals(buffer);
        });
        return fills * 1024.0 / seconds;
    }

    /// <summary>European call end to end vs Black-76, plain / antithetic / control variate.</summary>
    private static void EuropeanAccuracy(Dictionary<string, double> figures)
    {
        double reference = Black76.Price(OptionType.Call, Forward, Strike, Expiry, Volatility, 1.0);
        const int paths = 100_000;
        Console.WriteLine($"European call, 1 step, {paths:N0} paths, vs Black-76 {reference:F4} (undiscounted):");
        var grid = TimeGrid.Uniform(Expiry, 1);
        var model = new Black76Model(Forward, Volatility);
        var payoff = new EuropeanPayoff(OptionType.Call, Strike);
        foreach (var (name, settings) in new[]
                 {
                     ("plain", new MonteCarloSettings { Paths = paths, Seed = 42 }),
                     ("antithetic", new MonteCarloSettings { Paths = paths, Seed = 42, Antithetic = true }),
                     ("control variate (F_T)", new MonteCarloSettings { Paths = paths, Seed = 42, ControlVariate = true }),
                 })
        {
            Simulate(model, grid, payoff, Environment.ProcessorCount, settings); // warm-up: the first run of a setting compiles its code paths
            var e = Simulate(model, grid, payoff, Environment.ProcessorCount, settings);
            Console.WriteLine($"  {name,-24} {e.Value,9:F4} ± {e.StandardError:F4}  ({(e.Value - reference) / e.StandardError,5:F2} SE)  VR {e.VarianceReduction,5:F1}x  {e.Elapsed.TotalMilliseconds,6:F1} ms");
        }
        var asian = Simulate(new Black76Model(Forward, Volatility), TimeGrid.Uniform(Expiry, 12), new ArithmeticAveragePayoff(OptionType.Call, Strike),
            Environment.ProcessorCount, new MonteCarloSettings { Paths = paths, Seed = 42, ControlVariate = true });
        figures["asian_monthly_cv_variance_reduction"] = asian.VarianceReduction;
        Console.WriteLine($"  Asian (12 monthly fixings) with the average as control: variance reduction {asian.VarianceReduction:F1}x");
    }

    /// <summary>RMS error vs Black-76 of pseudo-random and Sobol'+bridge estimates as paths grow (52 weekly steps).</summary>
    private static void QuasiRandomConvergence(Dictionary<string, double> figures)
    {
        double reference = Black76.Price(OptionType.Call, Forward, Strike, Expiry, Volatility, 1.0);
        var grid = TimeGrid.Uniform(Expiry, 52);
        var model = new Black76Model(Forward, Volatility);
        var payoff = new EuropeanPayoff(OptionType.Call, Strike);
        Console.WriteLine("Convergence, European call on a 52-step path: RMS error over 8 seeds vs Black-76");
        Console.WriteLine($"  {"paths",10} {"pseudo",10} {"Sobol+BB",10} {"ratio",7}");
        foreach (int paths in new[] { 4_096, 16_384, 65_536 })
        {
            double Rms(RandomKind kind) => Math.Sqrt(Enumerable.Range(0, 8).Average(seed =>
            {
                var settings = new MonteCarloSettings { Paths = paths, Seed = (ulong)seed, Random = kind, QuasiRandomReplicates = 2 };
                double error = MonteCarloSimulator.Run(model, grid, payoff, settings).Value - reference;
                return error * error;
            }));
            double pseudo = Rms(RandomKind.Pseudo), sobol = Rms(RandomKind.SobolBrownianBridge);
            figures[$"rms_error_pseudo_{paths}"] = pseudo;
            figures[$"rms_error_sobol_{paths}"] = sobol;
            Console.WriteLine($"  {paths,10:N0} {pseudo,10:F5} {sobol,10:F5} {pseudo / sobol,6:F1}x");
        }
    }
}

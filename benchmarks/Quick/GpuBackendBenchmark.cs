using System.Text.Json;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Backends;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Gpu;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// <c>quick --backend gpu [--json FILE]</c>: the ILGPU back end beside the CPU on the quick mode's workloads — GBM
/// path-steps/s (arithmetic-average call, 252 steps) and the 1,000-position portfolio pass — naming the device it ran
/// on: a CUDA device when there is one, else ILGPU's CPU accelerator, whose figures are a functional check only (it
/// emulates GPU threads on the host's cores). Every GPU figure is checked to equal the CPU's bits. Double precision
/// only: the kernels have no single-precision variant.
/// </summary>
public static class GpuBackendBenchmark
{
    private const int Runs = 3, Steps = 252;

    public static int Run(string[] args)
    {
        string? jsonPath = args.Length >= 2 && args[0] == "--json" ? args[1] : null;
        using var backend = GpuBackend.OnCuda(minimumMemory: 0) ?? GpuBackend.OnCpuAccelerator();
        bool cuda = backend.Accelerator.AcceleratorType == ILGPU.Runtime.AcceleratorType.Cuda;
        // The CPU accelerator runs about a thousand times slower than a GPU: small runs, enough to check it works.
        int paths = cuda ? 1_000_000 : 16_384, bookPaths = cuda ? 100_000 : 4_096;
        Console.WriteLine($"Back end: {backend.Name}{(cuda ? "" : " (no GPU here: figures are a functional check, not GPU speed)")}; median of {Runs} runs");
        var figures = new Dictionary<string, double> { ["gpu_is_cuda"] = cuda ? 1 : 0 };

        var grid = TimeGrid.Uniform(1.0, Steps);
        var gbm = new Black76Model(80, 0.45);
        var payoff = new ArithmeticAveragePayoff(OptionType.Call, 80);
        var settings = new MonteCarloSettings { Paths = paths, Seed = 42 };
        MonteCarloEstimate On(ISimulationBackend b) => MonteCarloSimulator.Run(gbm, grid, payoff, settings with { Backend = b });
        double pathSteps = (double)paths * Steps;
        double cpuRate = pathSteps / Measure.MedianSeconds(Runs, () => On(CpuBackend.Instance));
        double gpuRate = pathSteps / Measure.MedianSeconds(Runs, () => On(backend));
        bool same = On(CpuBackend.Instance).Value == On(backend).Value;
        figures["gpu_gbm_path_steps_per_sec"] = gpuRate;
        figures["gpu_cpu_gbm_path_steps_per_sec"] = cpuRate;
        Console.WriteLine($"GBM, {Steps} steps, arithmetic-average call, {paths:N0} paths (double precision):");
        Console.WriteLine($"  {"CPU back end, all cores",-40} {cpuRate / 1e6,10:F2} M path-steps/s");
        Console.WriteLine($"  {"GPU back end",-40} {gpuRate / 1e6,10:F2} M path-steps/s  {gpuRate / cpuRate,7:F3}x;  same bits as the CPU: {same}");

        var (portfolio, market, fx) = PortfolioGreeksBenchmark.Book(new DateOnly(2026, 3, 2));
        var risk = new RiskSettings { Method = ValuationMethod.MonteCarlo, MonteCarlo = new MonteCarloSettings { Paths = bookPaths, Seed = 1, Antithetic = true } };
        PortfolioRisk Book(ISimulationBackend b) => PortfolioRiskEngine.Compute(portfolio, market, fx, risk with { MonteCarlo = risk.MonteCarlo with { Backend = b } });
        double cpuBook = Measure.MedianSeconds(Runs, () => Book(CpuBackend.Instance));
        double gpuBook = Measure.MedianSeconds(Runs, () => Book(backend));
        bool sameBook = Book(CpuBackend.Instance).Total.Measures.Price.Value == Book(backend).Total.Measures.Price.Value;
        figures["gpu_portfolio_seconds"] = gpuBook;
        figures["gpu_cpu_portfolio_seconds"] = cpuBook;
        Console.WriteLine($"Portfolio pass: {portfolio.Positions.Length:N0} positions, price and Greeks, {bookPaths:N0} paths per underlying:");
        Console.WriteLine($"  {"CPU back end, all cores",-40} {cpuBook,10:F3} s");
        Console.WriteLine($"  {"GPU back end",-40} {gpuBook,10:F3} s;  same total as the CPU: {sameBook}");
        if (jsonPath is not null) File.WriteAllText(jsonPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
        return same && sameBook ? 0 : 1;
    }
}

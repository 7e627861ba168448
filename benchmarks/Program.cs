using BenchmarkDotNet.Running;
using CarbonDerivatives.Benchmarks.Cluster;
using CarbonDerivatives.Benchmarks.Load;
using CarbonDerivatives.Benchmarks.Quick;

namespace CarbonDerivatives.Benchmarks;

/// <summary>
/// <c>quick [--json FILE]</c>: side-by-side figures in one process (engine vs QLNet vs a scalar loop).
/// <c>quick --backend gpu [--json FILE]</c>: the ILGPU back end beside the CPU, naming its device (<see cref="GpuBackendBenchmark"/>).
/// <c>load [--address URL | --start-server] ...</c>: a gRPC load test of the server on loopback (see <see cref="LoadCommand"/>).
/// <c>kernels [--json FILE]</c>: only the quick mode's first sections (normals/s, GBM on 1 and all cores, QLNet, Merton, compliance).
/// <c>portfolio</c>: only the quick mode's 1,000-position portfolio Greeks section.
/// <c>american</c>: only its Longstaff–Schwartz American put beside QLNet's MCAmericanEngine.
/// <c>stochastic-vol</c>: only its Heston QE and regime-switching section (path-steps/s beside GBM).
/// <c>local-vol</c>: only the quick mode's local-vol beside GBM section.
/// <c>cluster [--paths N] [--runs N] [--json FILE]</c>: one node against 2- and 3-node localhost clusters, each node pinned to one core (<see cref="ClusterBenchmark"/>).
/// <c>margin-backtest [--data DIR]</c>: the README's margin back-test table (<see cref="MarginBacktestReport"/>).
/// Anything else goes to BenchmarkDotNet, e.g. <c>--filter *</c> or <c>--filter *Rng*</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 2 && args[0] == "quick" && args[1] == "--backend" && args[2] == "gpu")
            return GpuBackendBenchmark.Run(args[3..]);
        if (args.Length > 0 && args[0] == "quick")
            return QuickComparison.Run(args[1..]);
        if (args.Length > 0 && args[0] == "kernels")
            return QuickComparison.Run(args[1..], kernelsOnly: true);
        if (args.Length > 0 && args[0] == "load")
            return LoadCommand.Run(args[1..]);
        if (args.Length > 0 && args[0] == "cluster")
            return ClusterBenchmark.Run(args[1..]);
        if (args.Length > 0 && args[0] == "margin-backtest")
            return MarginBacktestReport.Run(args[1..]);
        if (args.Length > 0 && args[0] == "local-vol")
        {
            LocalVolatilityBenchmark.Run(new Dictionary<string, double>());
            return 0;
        }
        if (args.Length > 0 && args[0] == "portfolio")
        {
            PortfolioGreeksBenchmark.Run(new Dictionary<string, double>());
            return 0;
        }
        if (args.Length > 0 && args[0] == "american")
        {
            AmericanOptionBenchmark.Run(new Dictionary<string, double>());
            return 0;
        }
        if (args.Length > 0 && args[0] == "stochastic-vol")
        {
            StochasticVolatilityBenchmark.Run(new Dictionary<string, double>());
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

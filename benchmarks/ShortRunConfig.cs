using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace CarbonDerivatives.Benchmarks;

/// <summary>A short BenchmarkDotNet job with the memory diagnoser on (allocation-free step loops show 0 B).</summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5));
        AddDiagnoser(MemoryDiagnoser.Default);
        Options |= ConfigOptions.JoinSummary;
    }
}

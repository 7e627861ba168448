using BenchmarkDotNet.Attributes;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Simulation.EarlyExercise;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Simulation.Scheduling;

namespace CarbonDerivatives.Benchmarks;

/// <summary>RNG throughput: one block of 1,024 normals / uniforms from the block stream.</summary>
[Config(typeof(ShortRunConfig))]
public class RngBenchmarks
{
    private readonly BlockRandomStream _stream = new();
    private readonly double[] _buffer = new double[SimulationPlan.BlockSize];

    [GlobalSetup]
    public void Setup() => _stream.Reset(42, 0);

    [Benchmark(OperationsPerInvoke = SimulationPlan.BlockSize)]
    public double Normals()
    {
        _stream.FillNormals(_buffer);
        return _buffer[^1];
    }

    [Benchmark(OperationsPerInvoke = SimulationPlan.BlockSize)]
    public double Uniforms()
    {
        _stream.FillUniforms(_buffer);
        return _buffer[^1];
    }
}

/// <summary>
/// Path generation: one block of 1,024 paths x 252 steps through the worker's step loop, for GBM, Merton, the
/// compliance model and the Longstaff–Schwartz pricing pass (per path-step timings; the memory diagnoser shows the
/// loop allocates nothing).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class PathGenerationBenchmarks
{
    private const int Steps = 252;
    private IBlockWorker<SampleMoments[]> _gbm = null!, _merton = null!, _compliance = null!, _american = null!;
    private long _block;

    [GlobalSetup]
    public void Setup()
    {
        var grid = TimeGrid.Uniform(1.0, Steps);
        var settings = new MonteCarloSettings { Paths = 1 << 26, Seed = 1 };
        var payoff = new ArithmeticAveragePayoff(OptionType.Call, 80);
        var limits = new SimulationLimits { MaxPathSteps = long.MaxValue, MaxPaths = long.MaxValue };
        IBlockWorker<SampleMoments[]> Worker(IPathModel model) =>
            new SimulationJob(settings, [new SimulationGroup(model, grid, payoff)], [Measure.Of(0, PayoffOutput.Value)], limits).CreateWorker();
        _gbm = Worker(new Black76Model(80, 0.45));
        _merton = Worker(new MertonJumpDiffusionModel(80, 0.33, new LogNormalJumps(6.1, -0.029, 0.083)));
        _compliance = Worker(CompliancePenaltyCalibration.CalibrateToAtmVolatility(100, 1.2, 70, 0.45, 0.25));

        // The Longstaff–Schwartz pricing pass: exercise decisions on every one of the 252 steps, boundary fitted once.
        var gbm = new Black76Model(80, 0.45);
        var schedule = ExerciseGrid.Create(1.0, Steps, ResolvedExercise.American, Math.Exp(-0.05));
        var boundary = LongstaffSchwartzTraining.Train(OptionType.Put, 80, schedule, gbm, settings with { Paths = 65_536 }, limits, CancellationToken.None);
        var american = new LongstaffSchwartzPayoff(OptionType.Put, 80, schedule.ExerciseOfStep, schedule.GrowthToExpiry, boundary);
        _american = new SimulationJob(settings, [new SimulationGroup(gbm, schedule.Grid, american)], [Measure.Of(0, PayoffOutput.Value)], limits).CreateWorker();
    }

    [Benchmark(OperationsPerInvoke = SimulationPlan.BlockSize * Steps)]
    public double GbmArithmeticAverage() => _gbm.Run(_block++, CancellationToken.None)[0].MeanY;

    [Benchmark(OperationsPerInvoke = SimulationPlan.BlockSize * Steps)]
    public double MertonArithmeticAverage() => _merton.Run(_block++, CancellationToken.None)[0].MeanY;

    [Benchmark(OperationsPerInvoke = SimulationPlan.BlockSize * Steps)]
    public double ComplianceArithmeticAverage() => _compliance.Run(_block++, CancellationToken.None)[0].MeanY;

    [Benchmark(OperationsPerInvoke = SimulationPlan.BlockSize * Steps)]
    public double LongstaffSchwartzPricingPass() => _american.Run(_block++, CancellationToken.None)[0].MeanY;
}

/// <summary>End to end: a European EUA option by Monte Carlo (100,000 paths, all cores) and by Black-76.</summary>
[Config(typeof(ShortRunConfig))]
public class EuropeanEndToEndBenchmarks
{
    private readonly Black76Model _model = new(80, 0.45);
    private readonly EuropeanPayoff _payoff = new(OptionType.Call, 80);
    private readonly TimeGrid _oneStep = TimeGrid.Uniform(0.75, 1);
    private readonly TimeGrid _daily = TimeGrid.Uniform(0.75, 189);

    [Benchmark]
    public double MonteCarloOneStep() =>
        MonteCarloSimulator.Run(_model, _oneStep, _payoff, new MonteCarloSettings { Paths = 100_000, ControlVariate = true }).Value;

    [Benchmark]
    public double MonteCarloDailySteps() =>
        MonteCarloSimulator.Run(_model, _daily, _payoff, new MonteCarloSettings { Paths = 100_000 }).Value;

    [Benchmark]
    public double SobolBrownianBridgeDailySteps() =>
        MonteCarloSimulator.Run(_model, _daily, _payoff, new MonteCarloSettings { Paths = 100_000 - 100_000 % 16, Random = RandomKind.SobolBrownianBridge }).Value;

    [Benchmark(Baseline = true)]
    public double Black76ClosedForm() => Black76.Price(OptionType.Call, 80, 80, 0.75, 0.45, Math.Exp(-0.03 * 0.75));
}

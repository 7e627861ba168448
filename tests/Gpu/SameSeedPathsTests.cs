using System.Collections.Concurrent;
using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Backends;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Simulation.Scheduling;
using CarbonDerivatives.Gpu;
using CarbonDerivatives.Tests.Smile;
using CarbonDerivatives.Tests.Support;
using Xunit;

namespace CarbonDerivatives.Tests.Gpu;

/// <summary>
/// Same seed, same request: the ILGPU back end draws the CPU's paths. Path by path, every price and every state row
/// after every step is compared with the CPU simulation's in units in the last place; the stated bound on ILGPU's CPU
/// accelerator is 0 ulp (bit-identical), and the estimates built on the paths are then the CPU's bit for bit too.
/// </summary>
public sealed class SameSeedPathsTests(CpuAcceleratorFixture fixture) : IClassFixture<CpuAcceleratorFixture>
{
    /// <summary>The stated bound on ILGPU's CPU accelerator: none of the arithmetic differs, so neither may one bit.</summary>
    private const long CpuAcceleratorUlpBound = 0;

    private static readonly string[] ModelNames = ["black76", "merton", "schwartz-jumps", "driver-jumps", "local-vol"];

    public static TheoryData<string> Models => new(ModelNames);

    private static SimulationGroup Group(string model, IPathPayoff payoff) => model switch
    {
        "black76" => new SimulationGroup(new Black76Model(70, 0.45), TimeGrid.Uniform(1.0, 4), payoff),
        "merton" => new SimulationGroup(new MertonJumpDiffusionModel(70, 0.33, new LogNormalJumps(6.1, -0.029, 0.083)), TimeGrid.Uniform(1.0, 5), payoff,
            StreamTags.ForUnderlying("EUA")),
        "schwartz-jumps" => new SimulationGroup(new SchwartzOneFactorModel(65, 0.8, 80, 0.3, new LogNormalJumps(2.0, 0.3, 0.1)), TimeGrid.Uniform(1.0, 6), payoff),
        "driver-jumps" => new SimulationGroup(new BrownianDriver(new LogNormalJumps(20, 0.0, 0.05)), TimeGrid.Uniform(0.5, 3), payoff),
        _ => new SimulationGroup(new LocalVolatilityModel(SmileQuotes.EuaDec26,
            VolSurfaceCalibration.Calibrate([SmileQuotes.EuaDec26Smile()], new SmileCalibrationSettings(SmileModel.Svi)).Surface), TimeGrid.Uniform(0.75, 4), payoff),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryPriceAndState_OnTheCpuAccelerator_EqualsTheCpuPath(string model)
    {
        foreach (bool antithetic in new[] { false, true })
        {
            long worst = WorstUlps(fixture.Backend, model, antithetic);
            Assert.True(worst <= CpuAcceleratorUlpBound, $"{model}, antithetic {antithetic}: {worst} ulp");
        }
    }

    /// <summary>
    /// The stated bound on CUDA, for these paths of at most 6 steps: the driver's JIT may contract a multiply and an add
    /// into one FMA (ILGPU emits add.f64/mul.f64 without .rn) and local vol's exp is libdevice's, each a few ulp on a
    /// normal or a log price, carried through the steps and the exp (≈ |ln S|·steps·4 ulp ≈ 100): 1,024 leaves room.
    /// Not yet run: no GPU was available when this was written (README "GPU back end").
    /// </summary>
    private const long CudaUlpBound = 1_024;

    [CudaFact]
    public void EveryPriceAndState_OnCuda_WithinTheStatedBound()
    {
        using var cuda = GpuBackend.OnCuda(minimumMemory: 0)!;
        foreach (var model in ModelNames)
        {
            long worst = WorstUlps(cuda, model, antithetic: true);
            Assert.True(worst <= CudaUlpBound, $"{model}: {worst} ulp");
        }
    }

    /// <summary>The largest ulp distance between the CPU's and <paramref name="backend"/>'s prices and states, over every path and step.</summary>
    private static long WorstUlps(GpuBackend backend, string model, bool antithetic)
    {
        var recorder = new RecordingPayoff();
        var settings = new MonteCarloSettings { Paths = 3 * 1024, Seed = 77, Antithetic = antithetic };
        var job = new SimulationJob(settings, [Group(model, recorder)], [Measure.Of(0, 0)]);
        job.Run(); // CPU: the recorder keeps every block's prices and states
        var device = backend.SimulatePaths(job, job.Layout.All);
        long worst = 0;
        for (long block = 0; block < job.Layout.BlockCount; block++)
            for (int step = 0; step < job.Groups[0].Steps; step++)
            {
                worst = Math.Max(worst, MaxUlps(recorder.Prices[(block, step)], device.Prices(0, block, step)));
                worst = Math.Max(worst, MaxUlps(recorder.States[(block, step)], device.State(0, block, step)));
            }
        return worst;
    }

    [Fact]
    public void Estimates_OfABookWithGreeks_AreTheCpusBitForBit()
    {
        // European Greeks on the driver (Black-76 and Merton jumps) and a barrier with its control variate: every figure.
        var european = new ResolvedFuturesOption(OptionType.Call, 72, 0.5, 70, 0.4, 0.985, 1);
        var barrier = new ResolvedBarrierOption(OptionType.Put, 70, BarrierDirection.Up, BarrierKnock.Out, 85, 0, 0.5, 70, 0.45, 0.98, 1);
        var cpu = new MonteCarloSettings { Paths = 4_096, Seed = 91, Antithetic = true };
        var gpu = cpu with { Backend = fixture.Backend };
        var merton = new MertonDynamics(new LogNormalJumps(6.1, -0.029, 0.083));
        AssertSame(MonteCarloRuns.Option(european, cpu, greeks: true), MonteCarloRuns.Option(european, gpu, greeks: true));
        AssertSame(MonteCarloRuns.Option(european, cpu, merton, greeks: true), MonteCarloRuns.Option(european, gpu, merton, greeks: true));
        var expected = MonteCarloRuns.Barrier(barrier, cpu with { ControlVariate = true }, steps: 13);
        var actual = MonteCarloRuns.Barrier(barrier, gpu with { ControlVariate = true }, steps: 13);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.StandardError, actual.StandardError);
    }

    [Fact]
    public void TwoRangesMerged_EqualOneRunOverAllBlocks()
    {
        // The block contract: any cut of the blocks into ranges merges into the same bits.
        var group = Group("merton", new EuropeanPayoff(OptionType.Call, 70));
        var job = new SimulationJob(new MonteCarloSettings { Paths = 5 * 1024, Seed = 5 }, [group], [Measure.Of(0, 0)]);
        var whole = CpuBackend.Instance.Run(job, job.Layout.All, null, default).Complete(job);
        var (first, second) = (new BlockRange(0, 2), new BlockRange(2, 5));
        var merged = fixture.Backend.Run(job, second, null, default).Merge(job, fixture.Backend.Run(job, first, null, default)).Complete(job);
        Assert.Equal(whole[0][0], merged[0][0]);
    }

    private static void AssertSame(Valuation expected, Valuation actual)
    {
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.StandardError, actual.StandardError);
        foreach (var figure in new[] { Figure.Delta, Figure.Gamma, Figure.Vega, Figure.Theta, Figure.Rho })
        {
            Assert.Equal(expected.Figure(figure).Value, actual.Figure(figure).Value);
            Assert.Equal(expected.Figure(figure).StandardError, actual.Figure(figure).StandardError);
        }
    }

    /// <summary>The largest distance in ulp between two rows (doubles ordered as integers; ±0 are one apart).</summary>
    private static long MaxUlps(double[] expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        long worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]) || double.IsNaN(actual[i])) return long.MaxValue;
            worst = Math.Max(worst, Math.Abs(Ordered(expected[i]) - Ordered(actual[i])));
        }
        return worst;
    }

    private static long Ordered(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? long.MinValue - bits : bits;
    }

    /// <summary>A payoff that keeps a copy of every block's prices and states after every step (one output, zero).</summary>
    private sealed class RecordingPayoff : IPathPayoff
    {
        public ConcurrentDictionary<(long Block, int Step), double[]> Prices { get; } = new();
        public ConcurrentDictionary<(long Block, int Step), double[]> States { get; } = new();

        public int Outputs => 1;

        public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) => new Accumulator(this, blockSize);

        private sealed class Accumulator(RecordingPayoff payoff, int blockSize) : IPayoffAccumulator, IStateObservingAccumulator
        {
            private long _block;

            public void Reset(long block) => _block = block;

            public void Observe(int step, ReadOnlySpan<double> prices) => payoff.Prices[(_block, step)] = prices.ToArray();

            public void ObserveState(int step, ReadOnlySpan<double> state) => payoff.States[(_block, step)] = state.ToArray();

            public void Complete(PathOutputs outputs) => outputs.Write(0, new double[blockSize]);

            public double KnownMean(int output) => double.NaN;
        }
    }
}

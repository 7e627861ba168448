using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.EarlyExercise;
using CarbonDerivatives.Engine.Simulation.Scheduling;
using CarbonDerivatives.Engine.Specs.Lab;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.OnePricingPath;

/// <summary>
/// Every Monte Carlo consumer is a block job on the one scheduler: running [0, k) and [k, n) separately (or three
/// ranges, merged in any order) and merging gives the one run's result bit for bit — what lets a cluster run shards
/// anywhere. Checked for European, Asian, barrier, spread and Longstaff–Schwartz valuations (with their Greek groups),
/// the LSM training set, a whole book's pass, Monte Carlo VaR, the spec lab's margin simulation, and Sobol' replicates.
/// </summary>
public sealed class PartitionInvarianceTests
{
    private static readonly MonteCarloSettings Settings = new() { Paths = 10_240, Seed = 5, Antithetic = true };

    private static SimulationJob PlanJob(Position position, ValuationModel model, MonteCarloSettings? settings = null)
    {
        var inputs = new PricingInputs
        {
            Model = model, Method = ValuationMethod.MonteCarlo, MonteCarlo = settings ?? Settings, Greeks = true,
            Grid = new GridSettings { ExerciseSteps = 12 }, Correlation = position.Correlation,
        };
        var plan = (SimulatedPlan)Pricers.Plan(position.Instrument, position.TradePrice ?? 0, EuaMarket(), inputs);
        var builder = new JobBuilder();
        plan.AddTo(builder, 1);
        return builder.Build(inputs.MonteCarlo);
    }

    private static Position Named(string id) => AllProductsBook.Positions().Single(p => p.Id == id);

    public static TheoryData<string> Valuations => new() { "call", "american", "cea-limit", "asian", "barrier-daily", "barrier-continuous", "spread" };

    [Theory]
    [MemberData(nameof(Valuations))]
    public void Valuation_AnyCutIntoRanges_SameBitsAsOneRun(string id) =>
        AssertInvariant(PlanJob(Named(id), new Black76Dynamics()), SameMoments);

    [Fact]
    public void MertonEuropeanAndSobolReplicates_AnyCutIntoRanges_SameBitsAsOneRun()
    {
        AssertInvariant(PlanJob(Named("call"), AllProductsBook.Models[1]), SameMoments);
        // 16 replicates of 8 blocks: segments never merge across a replicate, whatever the cut.
        var sobol = new MonteCarloSettings { Paths = 16 * 8 * 1024, Seed = 5, Random = RandomKind.SobolBrownianBridge };
        AssertInvariant(PlanJob(Named("asian"), new Black76Dynamics(), sobol), SameMoments);
    }

    [Fact]
    public void LongstaffSchwartzTrainingSet_AnyCutIntoRanges_SameSamples()
    {
        var schedule = ExerciseGrid.Create(0.8, 12, ResolvedExercise.American, 0.98);
        var job = LongstaffSchwartzTraining.Job(schedule, new Black76Model(70, 0.45), new MonteCarloSettings { Paths = 8_192, Seed = 5 }, null);
        AssertInvariant(job, SameSamples);
    }

    [Fact]
    public void PortfolioPass_AnyCutIntoRanges_SameBitsAsOneRun()
    {
        var prepared = PortfolioRiskEngine.Prepare(AllProductsBook.Book(), EuaMarket(), Fx,
            AllProductsBook.Settings(new Black76Dynamics(), ValuationMethod.MonteCarlo) with { MonteCarlo = Settings });
        AssertInvariant(prepared.Job!, SameMoments);
    }

    [Fact]
    public void MonteCarloVaR_AnyCutIntoRanges_SameScenarios()
    {
        var book = new Portfolio("EUR", AllProductsBook.Positions().Where(p => p.Id is "future" or "call" or "put" or "asian" or "spread"));
        var job = MonteCarloVaR.Prepare(book, EuaMarket(), Fx, new VarSettings { Scenarios = 6_000, Seed = 5,
            Correlations = new([("EUA", "UKA", 0.6)]) }, null);
        AssertInvariant(job, (a, b) => a.SequenceEqual(b));
    }

    [Fact]
    public void MarginSimulation_AnyCutIntoRanges_SameSamples() =>
        AssertInvariant(MarginSimulation.Job(70.76, 0.46, 1.0,
            new SpecLabSettings { Paths = 9_000, Model = new MertonDynamics(new LogNormalJumps(6.1, -0.029, 0.083)) }), SameSamples);

    private static void AssertInvariant<T>(IBlockJob<T> job, Func<T, T, bool> same)
    {
        long n = job.Layout.BlockCount;
        Assert.True(n >= 6, $"{n} blocks: too few to cut");
        var whole = BlockScheduler.Run(job, job.Layout.All).Complete(job);
        foreach (long k in new[] { 1, n / 3, n / 2, n - 1 })
        {
            var first = BlockScheduler.Run(job, new BlockRange(0, k));
            var second = BlockScheduler.Run(job, new BlockRange(k, n), maxDegreeOfParallelism: 1);
            AssertSame(whole, first.Merge(job, second).Complete(job), same, $"cut at {k}");
            AssertSame(whole, second.Merge(job, first).Complete(job), same, $"cut at {k}, merged later-first");
        }
        var ranges = job.Layout.All.Split(3).Select(r => BlockScheduler.Run(job, r)).ToArray();
        AssertSame(whole, ranges[2].Merge(job, ranges[0]).Merge(job, ranges[1]).Complete(job), same, "three ranges");
        var nodes = BlockPartial<T>.FromNodes(ranges.SelectMany(r => r.Nodes).Reverse());
        Assert.Equal(n, nodes.BlockCount);
    }

    private static void AssertSame<T>(T[] expected, T[] actual, Func<T, T, bool> same, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int s = 0; s < expected.Length; s++) Assert.True(same(expected[s], actual[s]), $"{label}: segment {s} differs");
    }

    private static bool SameMoments(SampleMoments[] a, SampleMoments[] b) => a.Length == b.Length && a.Zip(b).All(p => Bits(p.First) == Bits(p.Second));

    private static (long, long, long, long, long, long) Bits(SampleMoments m) => (m.Count, BitConverter.DoubleToInt64Bits(m.MeanY),
        BitConverter.DoubleToInt64Bits(m.MeanX), BitConverter.DoubleToInt64Bits(m.Syy), BitConverter.DoubleToInt64Bits(m.Sxx), BitConverter.DoubleToInt64Bits(m.Sxy));

    private static bool SameSamples(PathSamples a, PathSamples b) => a.Rows.Length == b.Rows.Length && a.Rows.Zip(b.Rows).All(p => p.First.SequenceEqual(p.Second));
}

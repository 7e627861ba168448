using System.Diagnostics;
using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Simulation.Backends;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Simulation.Scheduling;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The one Monte Carlo job: <see cref="SimulationGroup"/>s simulated block by block on the same random streams,
/// and <see cref="Measure"/>s read off their outputs path by path. A single option is one group and one
/// measure; its Greeks by revaluation are bumped groups and finite-difference measures; a book is every
/// position's groups with one measure per figure and per aggregate. A block's result is the sample moments of
/// every measure; blocks merge on the scheduler's fixed tree, so the result does not depend on threads or on how
/// the blocks were cut into ranges (<see cref="BlockScheduler"/>).
/// </summary>
public sealed class SimulationJob : IBlockJob<SampleMoments[]>
{
    private readonly SimulationPlan _plan;
    private readonly SimulationGroup[] _groups;
    private readonly Measure[] _measures;
    private readonly double[] _controlMeans;

    // Routing of each (group, output) row to the measures that read it.
    private readonly Route[][][] _routes;
    private readonly int[] _accumulatedRow; // per measure: index of its Y row among the accumulated ones, or -1 when read directly

    /// <summary>Checks the job against <paramref name="limits"/> before any work or memory is committed.</summary>
    /// <exception cref="InvalidInputException">Settings fields, a term naming a missing group or output, or more
    /// Sobol' dimensions than the table holds ("monteCarlo.steps").</exception>
    /// <exception cref="BudgetExceededException">More paths, steps or path-steps (summed over the groups) than allowed.</exception>
    public SimulationJob(MonteCarloSettings settings, IReadOnlyList<SimulationGroup> groups, IReadOnlyList<Measure> measures,
        SimulationLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(measures);
        if (groups.Count == 0) throw new ArgumentException("a job needs at least one group", nameof(groups));
        settings.Validate(groups.Max(g => g.Steps), groups.Sum(g => (long)g.Steps), limits ?? SimulationLimits.Default);
        Single.SinglePrecision.Check(settings, groups);
        if (settings.Random == RandomKind.SobolBrownianBridge)
        {
            foreach (var group in groups)
            {
                int factors = group.Stepper.Demand.BrownianFactors, dimensions = group.Steps * factors;
                if (dimensions > SobolSequence.MaxDimensions)
                    Guard.Fail("monteCarlo.steps", $"Sobol' points support {SobolSequence.MaxDimensions} dimensions; {group.Steps} steps x {factors} factors need {dimensions}");
            }
        }
        Settings = settings;
        foreach (var group in groups) _ = group.Stepper; // prepared now that the budget holds: model errors surface here, not on a worker
        _plan = new SimulationPlan(settings);
        _groups = [.. groups];
        _measures = [.. measures];

        var routes = _groups.Select(g => Enumerable.Range(0, g.Payoff.Outputs).Select(_ => new List<Route>()).ToArray()).ToArray();
        var isComponent = new bool[_measures.Length];
        for (int m = 0; m < _measures.Length; m++)
            foreach (int c in _measures[m].Components)
            {
                if (c < 0 || c >= m) throw new ArgumentException($"measure {m} adds measure {c}: components must come earlier");
                if (_measures[c].HasControl) throw new ArgumentException($"measure {m} adds measure {c}, which has a control variate");
                isComponent[c] = true;
            }
        _accumulatedRow = new int[_measures.Length];
        int rows = 0;
        for (int m = 0; m < _measures.Length; m++)
        {
            var measure = _measures[m];
            bool direct = measure.Terms.Count == 1 && measure.Components.Count == 0 && !measure.HasControl && !isComponent[m];
            _accumulatedRow[m] = direct ? -1 : rows;
            if (!direct) rows += 2;
            foreach (var term in measure.Terms) routes[Check(term)][term.Output].Add(new Route(m, term.Weight, Control: false, direct));
            foreach (var term in measure.ControlTerms) routes[Check(term)][term.Output].Add(new Route(m, term.Weight, Control: true, false));
        }
        _routes = routes.Select(r => r.Select(list => list.ToArray()).ToArray()).ToArray();
        AccumulatedRows = rows;
        _controlMeans = [.. _measures.Select(m => m.ControlMean)];
        Backend = ChooseBackend(settings);
    }

    /// <summary>The settings' back end when it runs this job; the CPU when it cannot and the settings allow falling back.</summary>
    /// <exception cref="InvalidInputException">"monteCarlo.backend": the back end cannot run this job and no fallback is allowed.</exception>
    private ISimulationBackend ChooseBackend(MonteCarloSettings settings)
    {
        if (settings.Backend is not { } backend || backend.Unsupported(this) is not { } reason) return settings.Backend ?? CpuBackend.Instance;
        if (settings.FallBackToCpu) return CpuBackend.Instance;
        Guard.Fail("monteCarlo.backend", $"{backend.Name} cannot run this simulation: {reason}");
        return CpuBackend.Instance;
    }

    /// <summary>Where <see cref="Run"/> computes the blocks.</summary>
    public ISimulationBackend Backend { get; }

    /// <summary>The plan of blocks, streams and mirrors (what another back end needs to draw the same paths).</summary>
    internal SimulationPlan Plan => _plan;

    /// <summary>
    /// The job read on paths simulated elsewhere (<paramref name="paths"/>, e.g. by a GPU): the same measures,
    /// layout and merge, its workers replaying the paths through each group's payoff instead of simulating them.
    /// </summary>
    public IBlockJob<SampleMoments[]> OnPaths(IBlockPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new ReplayJob(this, paths);
    }

    private int Check(MeasureTerm term)
    {
        if (term.Group < 0 || term.Group >= _groups.Length) throw new ArgumentException($"no group {term.Group}");
        if (term.Output < 0 || term.Output >= _groups[term.Group].Payoff.Outputs)
            throw new ArgumentException($"group {term.Group} has no output {term.Output}");
        return term.Group;
    }

    /// <summary>The settings every group runs with.</summary>
    public MonteCarloSettings Settings { get; }

    /// <summary>The groups.</summary>
    public IReadOnlyList<SimulationGroup> Groups => _groups;

    /// <summary>The measures, in the order of the block results.</summary>
    public IReadOnlyList<Measure> Measures => _measures;

    /// <summary>Paths per group, mirrors included.</summary>
    public long Paths => _plan.Paths;

    /// <summary>Rows of accumulated measures a worker keeps (two per measure read from several terms or with a control).</summary>
    internal int AccumulatedRows { get; }

    public BlockLayout Layout => _plan.Layout;

    public IBlockWorker<SampleMoments[]> CreateWorker() => new Worker(this);

    public SampleMoments[] Merge(SampleMoments[] earlier, SampleMoments[] later)
    {
        var merged = new SampleMoments[earlier.Length];
        for (int i = 0; i < merged.Length; i++) merged[i] = earlier[i].Merge(later[i]);
        return merged;
    }

    /// <summary>Runs every block and estimates every measure.</summary>
    public SimulationResult Run(Action? blockDone = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var segments = Backend.Run(this, Layout.All, blockDone, cancellation).Complete(this);
        return Estimate(segments, clock.Elapsed) with { Backend = Backend.Name };
    }

    /// <summary>The estimates of every measure from the merged moments of each segment (replicate).</summary>
    public SimulationResult Estimate(IReadOnlyList<SampleMoments[]> segments, TimeSpan elapsed)
    {
        var estimates = new MonteCarloEstimate[_measures.Length];
        for (int m = 0; m < estimates.Length; m++)
        {
            var replicates = segments.Select(s => s[m]).ToArray();
            int steps = Steps(m);
            estimates[m] = MomentEstimator.Estimate(replicates, _measures[m].HasControl ? _controlMeans[m] : null, Paths, steps, elapsed);
        }
        return new SimulationResult(estimates, Paths, elapsed);
    }

    /// <summary>Steps per path of the groups measure <paramref name="m"/> reads, directly or through its components.</summary>
    private int Steps(int m) => _measures[m].Terms.Select(t => _groups[t.Group].Steps).Concat(_measures[m].Components.Select(Steps)).DefaultIfEmpty(0).Max();

    /// <summary>Where one output row goes: into measure <paramref name="Measure"/> with a weight, as its Y or X part.</summary>
    private readonly record struct Route(int Measure, double Weight, bool Control, bool Direct);

    /// <summary>The job's blocks read on paths from another back end.</summary>
    private sealed class ReplayJob(SimulationJob job, IBlockPaths paths) : IBlockJob<SampleMoments[]>
    {
        public BlockLayout Layout => job.Layout;

        public IBlockWorker<SampleMoments[]> CreateWorker() =>
            new Worker(job, [.. job._groups.Select((g, i) => new ReplayedPathBlock(g, i, paths))]);

        public SampleMoments[] Merge(SampleMoments[] earlier, SampleMoments[] later) => job.Merge(earlier, later);
    }

    /// <summary>One thread's simulators, measure rows and scratch; not thread-safe.</summary>
    private sealed class Worker : PathOutputs, IBlockWorker<SampleMoments[]>
    {
        private readonly SimulationJob _job;
        private readonly IGroupBlockSimulator[] _simulators;
        private readonly double[] _rows, _pairY, _pairX;
        private SampleMoments[] _moments = [];
        private int _group, _samples;

        public Worker(SimulationJob job) : this(job, Simulators(job)) { }

        public Worker(SimulationJob job, IGroupBlockSimulator[] simulators)
        {
            _job = job;
            _simulators = simulators;
            _rows = new double[job.AccumulatedRows * SimulationPlan.BlockSize];
            _pairY = new double[SimulationPlan.BlockSize];
            _pairX = new double[SimulationPlan.BlockSize];
        }

        private static IGroupBlockSimulator[] Simulators(SimulationJob job)
        {
            var buffers = new BlockBuffers();
            return [.. job._groups.Select(g => new PathBlockSimulator(job._plan, g, buffers))];
        }

        public SampleMoments[] Run(long block, CancellationToken cancellation)
        {
            _samples = _job._plan.Locate(block).Samples;
            _moments = new SampleMoments[_job._measures.Length];
            Array.Clear(_rows);
            for (_group = 0; _group < _simulators.Length; _group++)
            {
                cancellation.ThrowIfCancellationRequested();
                _simulators[_group].Run(block, this, cancellation);
            }
            int b = SimulationPlan.BlockSize;
            for (int m = 0; m < _moments.Length; m++)
            {
                int row = _job._accumulatedRow[m];
                if (row < 0) continue;
                var target = _rows.AsSpan(row * b, b);
                foreach (int c in _job._measures[m].Components) // complete already: components come earlier
                    TensorPrimitives.Add(target, _rows.AsSpan(_job._accumulatedRow[c] * b, b), target);
                var y = Samples(target, _pairY);
                _moments[m] = _job._measures[m].HasControl
                    ? SampleMoments.Of(y, Samples(_rows.AsSpan((row + 1) * b, b), _pairX))
                    : SampleMoments.Of(y);
            }
            return _moments;
        }

        public override void Write(int output, ReadOnlySpan<double> values)
        {
            int b = SimulationPlan.BlockSize;
            foreach (var route in _job._routes[_group][output])
            {
                if (route.Direct)
                {
                    _moments[route.Measure] = SampleMoments.Of(Samples(values, _pairY)).Scale(route.Weight);
                    continue;
                }
                int row = _job._accumulatedRow[route.Measure] + (route.Control ? 1 : 0);
                var target = _rows.AsSpan(row * b, b);
                Simd.SimdMath.MultiplyAdd(values, route.Weight, target, target);
            }
        }

        /// <summary>The block's samples of a row: pair means under antithetic variates, else the paths themselves.</summary>
        private ReadOnlySpan<double> Samples(ReadOnlySpan<double> row, double[] scratch)
        {
            var plan = _job._plan;
            if (!plan.Antithetic) return row[.._samples];
            int draws = plan.DrawsPerBlock;
            var pairs = scratch.AsSpan(0, _samples);
            TensorPrimitives.Add(row[.._samples], row.Slice(draws, _samples), pairs);
            TensorPrimitives.Multiply(pairs, 0.5, pairs);
            return pairs;
        }
    }
}

using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Simulation.Scheduling;
using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The per-path values of every output of one group, concatenated in path order (block by block): what a
/// distribution or a regression needs where a mean does not do. Immutable. Merging keeps the blocks' pieces
/// and <see cref="Rows"/> joins them once, on first read: a tree of merges that copied at every level copied each
/// value log₂(blocks) times (the Longstaff–Schwartz training set spent most of its time there).
/// </summary>
public sealed class PathSamples
{
    private readonly IReadOnlyList<double[][]> _pieces; // each piece: one array per output, a run of consecutive paths
    private double[][]? _rows;

    /// <param name="rows">One array per output, each holding every path's value in path order.</param>
    public PathSamples(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _pieces = [rows];
        _rows = rows;
    }

    private PathSamples(IReadOnlyList<double[][]> pieces) => _pieces = pieces;

    /// <summary>The paths of <paramref name="earlier"/>, then those of <paramref name="later"/>.</summary>
    public static PathSamples Concatenate(PathSamples earlier, PathSamples later) => new([.. earlier._pieces, .. later._pieces]);

    /// <summary>One array per output, each holding every path's value in path order.</summary>
    public double[][] Rows => _rows ??= Join(_pieces);

    /// <summary>Paths kept.</summary>
    public int Count => Rows.Length == 0 ? 0 : Rows[0].Length;

    private static double[][] Join(IReadOnlyList<double[][]> pieces)
    {
        int outputs = pieces[0].Length;
        var rows = new double[outputs][];
        for (int k = 0; k < outputs; k++)
        {
            var row = rows[k] = new double[pieces.Sum(p => p[k].Length)];
            int at = 0;
            foreach (var piece in pieces)
            {
                piece[k].CopyTo(row, at);
                at += piece[k].Length;
            }
        }
        return rows;
    }
}

/// <summary>
/// A simulation that keeps its paths' outputs rather than their moments (<see cref="PathSamples"/>), on the same
/// block streams, path loop and scheduler as every other Monte Carlo job: the training set of a Longstaff–Schwartz
/// regression, the simulated prices of a margin distribution. Pseudo-random paths, no antithetic pairing: every
/// path kept is an independent draw. Blocks concatenate in block order, so any cut into ranges gives the same set.
/// </summary>
public sealed class PathSampleJob : IBlockJob<PathSamples>
{
    private readonly SimulationPlan _plan;
    private readonly SimulationGroup _group;

    /// <exception cref="InvalidInputException">Settings fields; "monteCarlo.antithetic" / "monteCarlo.random" when set.</exception>
    /// <exception cref="BudgetExceededException">Over the limits.</exception>
    public PathSampleJob(MonteCarloSettings settings, SimulationGroup group, SimulationLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(group);
        settings.Validate(group.Steps, limits ?? SimulationLimits.Default);
        Single.SinglePrecision.Check(settings, [group]);
        if (settings.Antithetic) Guard.Fail("monteCarlo.antithetic", "path samples are independent draws: no antithetic pairing");
        if (settings.Random != RandomKind.Pseudo) Guard.Fail("monteCarlo.random", "path samples are pseudo-random");
        Settings = settings;
        _plan = new SimulationPlan(settings);
        _group = group;
    }

    public MonteCarloSettings Settings { get; }

    public BlockLayout Layout => _plan.Layout;

    public IBlockWorker<PathSamples> CreateWorker() => new Worker(this);

    public PathSamples Merge(PathSamples earlier, PathSamples later) => PathSamples.Concatenate(earlier, later);

    /// <summary>Runs every block.</summary>
    public PathSamples Run(CancellationToken cancellation = default) =>
        BlockScheduler.RunAll(this, Settings.MaxDegreeOfParallelism, cancellation: cancellation)[0];

    private sealed class Worker(PathSampleJob job) : PathOutputs, IBlockWorker<PathSamples>
    {
        private readonly PathBlockSimulator _simulator = new(job._plan, job._group, new BlockBuffers());
        private double[][] _rows = [];
        private int _samples;

        public PathSamples Run(long block, CancellationToken cancellation)
        {
            _samples = job._plan.Locate(block).Samples;
            _rows = new double[job._group.Payoff.Outputs][];
            _simulator.Run(block, this, cancellation);
            return new PathSamples(_rows);
        }

        public override void Write(int output, ReadOnlySpan<double> values) => _rows[output] = values[.._samples].ToArray();
    }
}

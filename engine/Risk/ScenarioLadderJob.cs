using System.Collections.Immutable;
using CarbonDerivatives.Engine.Simulation.Scheduling;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// The rows of a scenario ladder as a block job: block i revalues the book at price shock i under every vol shock, its
/// result the row's cells (the total, then each underlying's share, for each vol shock in turn); blocks concatenate in
/// order. A cell depends only on its shocks, so any cut of the rows, on any machine, gives the same bits.
/// </summary>
public sealed class ScenarioLadderJob : IBlockJob<double[]>
{
    private readonly PortfolioRevaluation _revaluation;
    private readonly double[] _priceShocks;
    private readonly double[] _volShocks;
    private readonly double[] _baseMove;
    private readonly bool _reshaped;

    /// <param name="revaluation">The book on the surface the ladder runs on (today's, or the reshaped smile).</param>
    /// <param name="priceShocks">Relative price shock of each row.</param>
    /// <param name="volShocks">Absolute vol shift of each column.</param>
    /// <param name="baseMove">Per underlying: the move of the base values from today's surface to that one.</param>
    /// <param name="reshaped">Whether the ladder runs on a reshaped smile, every cell then carrying <paramref name="baseMove"/>.</param>
    internal ScenarioLadderJob(PortfolioRevaluation revaluation, double[] priceShocks, double[] volShocks, double[] baseMove, bool reshaped)
    {
        _revaluation = revaluation;
        _priceShocks = priceShocks;
        _volShocks = volShocks;
        _baseMove = baseMove;
        _reshaped = reshaped;
    }

    private int Underlyings => _revaluation.Underlyings.Length;

    /// <summary>Cells per row: a total and a share per underlying for each vol shock.</summary>
    private int RowLength => _volShocks.Length * (1 + Underlyings);

    public BlockLayout Layout => BlockLayout.Single(_priceShocks.Length);

    /// <summary>Closed-form revaluations the whole ladder makes: cells times priced positions.</summary>
    public long Revaluations => (long)_priceShocks.Length * _volShocks.Length * _revaluation.Positions.Count();

    public IBlockWorker<double[]> CreateWorker() => new Worker(this);

    public double[] Merge(double[] earlier, double[] later) => [.. earlier, .. later];

    /// <summary>Runs every row on this node's cores.</summary>
    /// <param name="progress">Optional fraction of rows done.</param>
    /// <param name="cancellation">Checked between rows.</param>
    public ScenarioLadderResult Run(IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        long rows = Layout.BlockCount, done = 0;
        return Result(BlockScheduler.RunAll(this, blockDone: () => progress?.Report((double)Interlocked.Increment(ref done) / rows), cancellation: cancellation)[0]);
    }

    /// <summary>The ladder from every row's cells, in row order.</summary>
    public ScenarioLadderResult Result(double[] cells)
    {
        if (cells.Length != _priceShocks.Length * RowLength)
            throw new ArgumentException($"expected {_priceShocks.Length} rows of {RowLength} cells, got {cells.Length} cells", nameof(cells));
        int width = 1 + Underlyings;
        double Cell(int i, int j, int k) => cells[i * RowLength + j * width + k];
        ImmutableArray<ImmutableArray<double>> Grid(int k) =>
            [.. Enumerable.Range(0, _priceShocks.Length).Select(i => Enumerable.Range(0, _volShocks.Length).Select(j => Cell(i, j, k)).ToImmutableArray())];
        return new ScenarioLadderResult([.. _priceShocks], [.. _volShocks], Grid(0),
            _revaluation.Underlyings.Select((code, u) => (code, u)).ToImmutableSortedDictionary(x => x.code, x => Grid(1 + x.u), StringComparer.Ordinal),
            _revaluation.Errors);
    }

    private sealed class Worker(ScenarioLadderJob job) : IBlockWorker<double[]>
    {
        public double[] Run(long block, CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            int n = job.Underlyings, width = 1 + n;
            var factors = Enumerable.Repeat(1 + job._priceShocks[block], n).ToArray();
            var row = new double[job.RowLength];
            for (int j = 0; j < job._volShocks.Length; j++)
            {
                var split = row.AsSpan(j * width + 1, n);
                double total = job._revaluation.ProfitAndLoss(factors, Enumerable.Repeat(job._volShocks[j], n).ToArray(), 0, split);
                // On a reshaped smile every cell also carries the move of the base values (zero on today's surface).
                if (job._reshaped)
                    for (int u = 0; u < n; u++) { split[u] += job._baseMove[u]; total += job._baseMove[u]; }
                row[j * width] = total;
            }
            return row;
        }
    }
}

namespace CarbonDerivatives.Engine.Simulation.Scheduling;

/// <summary>
/// The one block scheduler behind every Monte Carlo consumer: runs a range of a job's blocks on one worker per
/// core (each pulls the next block), then merges the block results on the job's fixed tree
/// (<see cref="BlockPartial{T}"/>). The result depends on the job and the range only: never on the number of
/// threads, on which thread ran which block, or on how a run was cut into ranges.
/// </summary>
public static class BlockScheduler
{
    /// <summary>Runs blocks [<paramref name="range"/>) of <paramref name="job"/>.</summary>
    /// <param name="job">The job.</param>
    /// <param name="range">Blocks to run; within [0, job.Layout.BlockCount).</param>
    /// <param name="maxDegreeOfParallelism">Worker threads; null uses every core. Never changes the result.</param>
    /// <param name="blockDone">Called after each block (from worker threads), e.g. for progress.</param>
    /// <param name="cancellation">Checked before every block; workers check it inside long blocks too.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires.</exception>
    public static BlockPartial<T> Run<T>(IBlockJob<T> job, BlockRange range, int? maxDegreeOfParallelism = null, Action? blockDone = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (range.Start < 0 || range.End > job.Layout.BlockCount || range.Start > range.End)
            throw new ArgumentOutOfRangeException(nameof(range), range, $"blocks must lie in [0, {job.Layout.BlockCount})");
        var results = new T[range.Count];
        if (range.Count > 0)
        {
            long next = range.Start - 1;
            int workers = (int)Math.Min(maxDegreeOfParallelism ?? Environment.ProcessorCount, range.Count);
            try
            {
                Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation }, _ =>
                {
                    var worker = job.CreateWorker();
                    for (long block = Interlocked.Increment(ref next); block < range.End; block = Interlocked.Increment(ref next))
                    {
                        cancellation.ThrowIfCancellationRequested();
                        results[block - range.Start] = worker.Run(block, cancellation);
                        blockDone?.Invoke();
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException("The simulation was cancelled.", e, cancellation);
            }
        }
        return BlockPartial<T>.OfBlocks(job, range, results);
    }

    /// <summary>Runs every block of <paramref name="job"/> and returns the result of each segment.</summary>
    public static T[] RunAll<T>(IBlockJob<T> job, int? maxDegreeOfParallelism = null, Action? blockDone = null,
        CancellationToken cancellation = default) =>
        Run(job, job.Layout.All, maxDegreeOfParallelism, blockDone, cancellation).Complete(job);
}

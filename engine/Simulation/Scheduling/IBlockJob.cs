namespace CarbonDerivatives.Engine.Simulation.Scheduling;

/// <summary>
/// A computation cut into numbered blocks whose results depend only on the block index (never on the thread,
/// the machine or the order in which blocks run) and merge in block order. Every Monte Carlo consumer of the
/// engine is one: prices and Greeks, the portfolio pass, VaR scenarios, the margin simulation, the training
/// set of a Longstaff–Schwartz regression. <see cref="BlockScheduler"/> runs any range of its blocks; the
/// partial results of ranges merge into the result of the whole, bit for bit (<see cref="BlockPartial{T}"/>).
/// </summary>
/// <typeparam name="T">The result of one block, and of any merged range of blocks.</typeparam>
public interface IBlockJob<T>
{
    /// <summary>How many blocks there are and which of them merge together.</summary>
    BlockLayout Layout { get; }

    /// <summary>A worker with its own buffers; one per thread, reused block after block.</summary>
    IBlockWorker<T> CreateWorker();

    /// <summary>The result of two adjacent ranges of blocks of one segment, <paramref name="earlier"/> first.</summary>
    T Merge(T earlier, T later);
}

/// <summary>Runs blocks of one <see cref="IBlockJob{T}"/>. Not thread-safe: one per thread.</summary>
public interface IBlockWorker<T>
{
    /// <summary>The result of block <paramref name="block"/>.</summary>
    T Run(long block, CancellationToken cancellation);
}

/// <summary>
/// <see cref="BlockCount"/> blocks in consecutive segments of <see cref="BlocksPerSegment"/> (the last may be
/// shorter). Blocks merge within their segment only: a randomised quasi-Monte Carlo run has one segment per
/// replicate, whose estimates stay separate; everything else has one segment.
/// </summary>
public readonly record struct BlockLayout
{
    public BlockLayout(long blockCount, long blocksPerSegment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocksPerSegment, 1);
        BlockCount = blockCount;
        BlocksPerSegment = blocksPerSegment;
    }

    /// <summary>One segment of <paramref name="blockCount"/> blocks.</summary>
    public static BlockLayout Single(long blockCount) => new(blockCount, Math.Max(blockCount, 1));

    public long BlockCount { get; }

    public long BlocksPerSegment { get; }

    /// <summary>Number of segments.</summary>
    public int Segments => (int)((BlockCount + BlocksPerSegment - 1) / BlocksPerSegment);

    /// <summary>Every block.</summary>
    public BlockRange All => new(0, BlockCount);

    public int SegmentOf(long block) => (int)(block / BlocksPerSegment);

    /// <summary>First block of <paramref name="segment"/>.</summary>
    public long SegmentStart(int segment) => segment * BlocksPerSegment;

    /// <summary>One past the last block of <paramref name="segment"/>.</summary>
    public long SegmentEnd(int segment) => Math.Min(BlockCount, (segment + 1) * BlocksPerSegment);
}

/// <summary>Blocks [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct BlockRange(long Start, long End)
{
    public long Count => End - Start;

    /// <summary>
    /// <paramref name="parts"/> consecutive ranges covering this one, as equal as whole blocks allow (the first
    /// ones one block longer); empty ranges are left out.
    /// </summary>
    public IReadOnlyList<BlockRange> Split(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var ranges = new List<BlockRange>(parts);
        long size = Count / parts, extra = Count % parts, start = Start;
        for (int i = 0; i < parts; i++)
        {
            long end = start + size + (i < extra ? 1 : 0);
            if (end > start) ranges.Add(new BlockRange(start, end));
            start = end;
        }
        return ranges;
    }
}

namespace CarbonDerivatives.Engine.Simulation.Scheduling;

/// <summary>
/// The merged results of some blocks of a job, kept so that any partition of the blocks into ranges merges
/// into the same bits as one run over all of them. Floating-point merges are not associative, so the blocks of
/// each segment are combined on one fixed binary tree: a node of level ℓ covers the 2^ℓ blocks
/// [i·2^ℓ, (i + 1)·2^ℓ) of its segment and its value is always Merge(left child, right child). A partial holds
/// the maximal nodes its blocks fill; two partials merge by joining sibling nodes, and a whole segment is the
/// left-to-right merge of its maximal nodes — the same tree whichever ranges, machines or threads computed it.
/// </summary>
/// <typeparam name="T">A block result.</typeparam>
public sealed class BlockPartial<T>
{
    private readonly List<Node> _nodes; // ordered by segment, then by first block

    private BlockPartial(List<Node> nodes) => _nodes = nodes;

    /// <summary>One aligned node: blocks [Index·2^Level, (Index + 1)·2^Level) of the segment (segment-relative indices).</summary>
    public readonly record struct Node(int Segment, int Level, long Index, T Value)
    {
        public long First => Index << Level;
        public long End => (Index + 1) << Level;
    }

    /// <summary>The nodes, ordered by segment and first block; what travels between machines.</summary>
    public IReadOnlyList<Node> Nodes => _nodes;

    /// <summary>Nothing computed yet.</summary>
    public static BlockPartial<T> Empty => new([]);

    /// <summary>Rebuilds a partial from its nodes (e.g. received from another machine).</summary>
    public static BlockPartial<T> FromNodes(IEnumerable<Node> nodes) => new([.. nodes.OrderBy(n => n.Segment).ThenBy(n => n.First)]);

    /// <summary>
    /// The partial of consecutive blocks [<paramref name="range"/>) whose results are <paramref name="blockResults"/>
    /// (one per block, in order).
    /// </summary>
    public static BlockPartial<T> OfBlocks(IBlockJob<T> job, BlockRange range, IReadOnlyList<T> blockResults)
    {
        if (blockResults.Count != range.Count) throw new ArgumentException("one result per block of the range is needed", nameof(blockResults));
        var layout = job.Layout;
        var nodes = new List<Node>();
        long block = range.Start;
        while (block < range.End)
        {
            int segment = layout.SegmentOf(block);
            long start = layout.SegmentStart(segment), end = Math.Min(range.End, layout.SegmentEnd(segment));
            long lo = block - start, hi = end - start;
            while (lo < hi)
            {
                int level = 0;
                while ((lo & ((1L << (level + 1)) - 1)) == 0 && lo + (1L << (level + 1)) <= hi) level++;
                nodes.Add(new Node(segment, level, lo >> level, Reduce(job, blockResults, (int)(start + lo - range.Start), level)));
                lo += 1L << level;
            }
            block = end;
        }
        return new BlockPartial<T>(nodes);
    }

    /// <summary>The blocks of both partials (disjoint), merged on the fixed tree.</summary>
    public BlockPartial<T> Merge(IBlockJob<T> job, BlockPartial<T> other)
    {
        var nodes = new List<Node>(_nodes.Count + other._nodes.Count);
        int i = 0, j = 0;
        while (i < _nodes.Count || j < other._nodes.Count)
        {
            var next = j >= other._nodes.Count || (i < _nodes.Count && Before(_nodes[i], other._nodes[j])) ? _nodes[i++] : other._nodes[j++];
            if (nodes.Count > 0 && Overlap(nodes[^1], next)) throw new InvalidOperationException("the partials share blocks");
            nodes.Add(next);
            // Join siblings for as long as the newest node completes its parent.
            while (nodes.Count >= 2 && nodes[^2] is var left && nodes[^1] is var right && left.Segment == right.Segment
                   && left.Level == right.Level && left.Index % 2 == 0 && right.Index == left.Index + 1)
            {
                nodes.RemoveRange(nodes.Count - 2, 2);
                nodes.Add(new Node(left.Segment, left.Level + 1, left.Index / 2, job.Merge(left.Value, right.Value)));
            }
        }
        return new BlockPartial<T>(nodes);
    }

    /// <summary>Blocks covered.</summary>
    public long BlockCount => _nodes.Sum(n => n.End - n.First);

    /// <summary>
    /// The result of each segment, in segment order, once every block of the job is covered: the left-to-right
    /// merge of its maximal nodes.
    /// </summary>
    /// <exception cref="InvalidOperationException">Some block has not been computed.</exception>
    public T[] Complete(IBlockJob<T> job)
    {
        var layout = job.Layout;
        if (BlockCount != layout.BlockCount) throw new InvalidOperationException($"{BlockCount} of {layout.BlockCount} blocks computed");
        var results = new T[layout.Segments];
        var seen = new bool[layout.Segments];
        foreach (var node in _nodes)
        {
            results[node.Segment] = seen[node.Segment] ? job.Merge(results[node.Segment], node.Value) : node.Value;
            seen[node.Segment] = true;
        }
        return results;
    }

    private static bool Before(Node a, Node b) => a.Segment != b.Segment ? a.Segment < b.Segment : a.First < b.First;

    private static bool Overlap(Node a, Node b) => a.Segment == b.Segment && b.First < a.End;

    /// <summary>The value of the node of 2^level blocks starting at <paramref name="offset"/> of <paramref name="results"/>.</summary>
    private static T Reduce(IBlockJob<T> job, IReadOnlyList<T> results, int offset, int level) => level == 0
        ? results[offset]
        : job.Merge(Reduce(job, results, offset, level - 1), Reduce(job, results, offset + (1 << (level - 1)), level - 1));
}

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// How a request is cut into fixed-size path blocks. A block's random numbers depend only on the seed
/// and the block index, and block results are merged in index order, so the result is bit-identical
/// for any number of threads. With antithetic variates a block holds half as many fresh draws, each
/// paired with its mirror; one "sample" is then a pair mean. Quasi-random runs are split into
/// replicates, each a contiguous range of blocks walking the same Sobol' points under its own shift.
/// </summary>
internal sealed record SimulationPlan
{
    /// <summary>Paths per block: 1024 keeps a block's working set in L1/L2 and is a multiple of every vector width.</summary>
    public const int BlockSize = 1024;

    public SimulationPlan(MonteCarloSettings settings, int steps)
    {
        Seed = settings.Seed;
        Steps = steps;
        Antithetic = settings.Antithetic;
        DrawsPerBlock = Antithetic ? BlockSize / 2 : BlockSize;
        Replicates = settings.Random == RandomKind.SobolBrownianBridge ? settings.QuasiRandomReplicates : 1;
        long samples = Antithetic ? settings.Paths / 2 : settings.Paths;
        SamplesPerReplicate = samples / Replicates;
        BlocksPerReplicate = (SamplesPerReplicate + DrawsPerBlock - 1) / DrawsPerBlock;
    }

    public ulong Seed { get; }
    public int Steps { get; }
    public bool Antithetic { get; }
    public int DrawsPerBlock { get; }
    public int Replicates { get; }
    public long SamplesPerReplicate { get; }
    public long BlocksPerReplicate { get; }
    public long BlockCount => BlocksPerReplicate * Replicates;

    /// <summary>The replicate of a block, its first draw index within the replicate, and its number of samples.</summary>
    public (int Replicate, long FirstDraw, int Samples) Locate(long block)
    {
        int replicate = (int)(block / BlocksPerReplicate);
        long firstDraw = block % BlocksPerReplicate * DrawsPerBlock;
        int samples = (int)Math.Min(DrawsPerBlock, SamplesPerReplicate - firstDraw);
        return (replicate, firstDraw, samples);
    }
}

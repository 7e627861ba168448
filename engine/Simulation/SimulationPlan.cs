using CarbonDerivatives.Engine.Simulation.Scheduling;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// How a request is cut into fixed-size path blocks. A block's random numbers depend only on the seed
/// and the block index, and block results are merged on a fixed tree (<see cref="BlockPartial{T}"/>), so the
/// result is bit-identical for any number of threads or any cut of the blocks into ranges. With antithetic
/// variates a block holds half as many fresh draws, each paired with its mirror; one "sample" is then a pair
/// mean. Quasi-random runs are split into replicates, each a contiguous range of blocks (a segment) walking the
/// same Sobol' points under its own shift.
/// </summary>
internal sealed record SimulationPlan
{
    /// <summary>Paths per block: 1024 keeps a block's working set in L1/L2 and is a multiple of every vector width.</summary>
    public const int BlockSize = 1024;

    public SimulationPlan(MonteCarloSettings settings)
    {
        Seed = settings.Seed;
        Antithetic = settings.Antithetic;
        Single = settings.Precision == SimulationPrecision.Single;
        DrawsPerBlock = Antithetic ? BlockSize / 2 : BlockSize;
        Replicates = settings.Random == RandomKind.SobolBrownianBridge ? settings.QuasiRandomReplicates : 1;
        long samples = Antithetic ? settings.Paths / 2 : settings.Paths;
        SamplesPerReplicate = samples / Replicates;
        BlocksPerReplicate = (SamplesPerReplicate + DrawsPerBlock - 1) / DrawsPerBlock;
        Paths = settings.Paths;
        if (settings.Random == RandomKind.SobolBrownianBridge) QuasiRandom = new QuasiRandomPlan(settings, Antithetic ? BlockSize / 2 : BlockSize);
    }

    public ulong Seed { get; }
    public bool Antithetic { get; }

    /// <summary>Paths in single precision (<see cref="SimulationPrecision.Single"/>).</summary>
    public bool Single { get; }
    public int DrawsPerBlock { get; }
    public int Replicates { get; }
    public long SamplesPerReplicate { get; }
    public long BlocksPerReplicate { get; }
    public long BlockCount => BlocksPerReplicate * Replicates;

    /// <summary>Paths simulated, mirrors included.</summary>
    public long Paths { get; }

    /// <summary>The Sobol' set-up, or null for pseudo-random paths.</summary>
    public QuasiRandomPlan? QuasiRandom { get; }

    /// <summary>Blocks in segments of one replicate each.</summary>
    public BlockLayout Layout => new(BlockCount, Math.Max(BlocksPerReplicate, 1));

    /// <summary>The replicate of a block, its first draw index within the replicate, and its number of samples.</summary>
    public (int Replicate, long FirstDraw, int Samples) Locate(long block)
    {
        int replicate = (int)(block / BlocksPerReplicate);
        long firstDraw = block % BlocksPerReplicate * DrawsPerBlock;
        int samples = (int)Math.Min(DrawsPerBlock, SamplesPerReplicate - firstDraw);
        return (replicate, firstDraw, samples);
    }
}

/// <summary>Randomised Sobol' points for a plan: the digital shifts, and one block source per group's grid.</summary>
internal sealed class QuasiRandomPlan(MonteCarloSettings settings, int width)
{
    /// <summary>A source of Brownian increments for <paramref name="group"/>'s grid and factors (one per worker).</summary>
    public QuasiRandomBlockSource Source(SimulationGroup group)
    {
        int factors = group.Stepper.Demand.BrownianFactors;
        int dimensions = group.Steps * factors;
        var sobol = new SobolSequence(dimensions);
        var shifts = QuasiRandomBlockSource.Shifts(settings.Seed, settings.QuasiRandomReplicates, dimensions);
        return new QuasiRandomBlockSource(sobol, new BrownianBridge(group.Grid), shifts, factors, width);
    }
}

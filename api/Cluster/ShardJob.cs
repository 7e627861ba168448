using CarbonDerivatives.Engine.Simulation.Scheduling;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>A job as a silo sees it: its blocks, and any range of them run to encoded partial bytes.</summary>
public interface IShardJob
{
    BlockLayout Layout { get; }

    /// <summary>Runs blocks [<paramref name="range"/>) on this node's cores; the encoded <see cref="BlockPartial{T}"/>.</summary>
    byte[] Run(BlockRange range, CancellationToken cancellation);
}

/// <summary>An engine block job with the codec of its block results.</summary>
public sealed class ShardJob<T>(IBlockJob<T> job, IBlockValueCodec<T> codec) : IShardJob
{
    public IBlockJob<T> Job => job;

    public BlockLayout Layout => job.Layout;

    public byte[] Run(BlockRange range, CancellationToken cancellation) =>
        PartialEncoding.Encode(BlockScheduler.Run(job, range, cancellation: cancellation), codec);

    /// <summary>A shard's partial, back from its bytes.</summary>
    public BlockPartial<T> Decode(byte[] partial) => PartialEncoding.Decode(partial, codec);
}

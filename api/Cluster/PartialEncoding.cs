using CarbonDerivatives.Engine.Simulation.Scheduling;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// A <see cref="BlockPartial{T}"/> as bytes: its nodes (segment, level, index, value) in order, every double written
/// bit for bit, so the partial rebuilt on the merging node is the one the shard computed.
/// </summary>
public static class PartialEncoding
{
    public static byte[] Encode<T>(BlockPartial<T> partial, IBlockValueCodec<T> codec)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(partial.Nodes.Count);
            foreach (var node in partial.Nodes)
            {
                writer.Write(node.Segment);
                writer.Write(node.Level);
                writer.Write(node.Index);
                codec.Write(writer, node.Value);
            }
        }
        return buffer.ToArray();
    }

    public static BlockPartial<T> Decode<T>(byte[] bytes, IBlockValueCodec<T> codec)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var nodes = new BlockPartial<T>.Node[reader.ReadInt32()];
        for (int i = 0; i < nodes.Length; i++)
            nodes[i] = new BlockPartial<T>.Node(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64(), codec.Read(reader));
        return BlockPartial<T>.FromNodes(nodes);
    }
}

using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>Writes and reads one block result exactly (every double's bits), for <see cref="PartialEncoding"/>.</summary>
public interface IBlockValueCodec<T>
{
    void Write(BinaryWriter writer, T value);

    T Read(BinaryReader reader);
}

/// <summary>The moments of every measure of a <see cref="SimulationJob"/> block.</summary>
public sealed class SampleMomentsCodec : IBlockValueCodec<SampleMoments[]>
{
    public static readonly SampleMomentsCodec Instance = new();

    public void Write(BinaryWriter writer, SampleMoments[] value)
    {
        writer.Write(value.Length);
        foreach (var m in value)
        {
            writer.Write(m.Count);
            writer.Write(m.MeanY);
            writer.Write(m.MeanX);
            writer.Write(m.Syy);
            writer.Write(m.Sxx);
            writer.Write(m.Sxy);
        }
    }

    public SampleMoments[] Read(BinaryReader reader)
    {
        var value = new SampleMoments[reader.ReadInt32()];
        for (int i = 0; i < value.Length; i++)
            value[i] = new SampleMoments(reader.ReadInt64(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        return value;
    }
}

/// <summary>The scenario P&amp;L of a VaR block.</summary>
public sealed class DoubleArrayCodec : IBlockValueCodec<double[]>
{
    public static readonly DoubleArrayCodec Instance = new();

    public void Write(BinaryWriter writer, double[] value)
    {
        writer.Write(value.Length);
        foreach (double x in value) writer.Write(x);
    }

    public double[] Read(BinaryReader reader)
    {
        var value = new double[reader.ReadInt32()];
        for (int i = 0; i < value.Length; i++) value[i] = reader.ReadDouble();
        return value;
    }
}

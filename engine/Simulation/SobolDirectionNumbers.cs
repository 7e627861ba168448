using System.Buffers.Binary;
using System.Text;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The Sobol direction numbers of Joe and Kuo, loaded once from the embedded resource
/// <c>sobol-joe-kuo-6-1024x32.bin</c> and shared, read-only, by every <see cref="SobolSequence"/>.
/// </summary>
/// <remarks>
/// <para>Source: S. Joe and F. Y. Kuo (2008), "Constructing Sobol sequences with better
/// two-dimensional projections", SIAM J. Sci. Comput. 30(5), 2635-2654, table
/// "new-joe-kuo-6.21201"; expanded to 32 left-aligned direction numbers per dimension as QLNet 1.13.2
/// <c>SobolRsg(..., DirectionIntegers.JoeKuoD6)</c> does. Dimension 0 is the van der Corput
/// sequence (v<sub>j</sub> = 2<sup>31-j</sup>).</para>
/// <para>The file is written by <c>tools/make-sobol-directions.cs</c>: an ASCII header of
/// <c>key: value</c> lines ending with the line <c>end-of-header</c>, then
/// <see cref="Dimensions"/> × <see cref="Bits"/> little-endian <see cref="uint"/> values,
/// dimension-major.</para>
/// </remarks>
internal static class SobolDirectionNumbers
{
    /// <summary>Number of dimensions in the table.</summary>
    internal const int Dimensions = 1024;

    /// <summary>Direction numbers per dimension (the width of a Sobol integer coordinate).</summary>
    internal const int Bits = 32;

    /// <summary>Manifest name of the embedded table (see the engine project file).</summary>
    internal const string ResourceName = "CarbonDerivatives.Engine.Simulation.SobolDirections.JoeKuo6";

    private const string EndOfHeader = "end-of-header\n";

    // Written once by the type initializer (thread-safe by the CLR) and never mutated afterwards.
    private static readonly uint[] Table = Load();

    /// <summary>
    /// The <see cref="Bits"/> direction numbers of <paramref name="dimension"/> (0-based), left-aligned:
    /// element j is m<sub>j</sub>·2<sup>31-j</sup> with m<sub>j</sub> odd. Trusts its input.
    /// </summary>
    internal static ReadOnlySpan<uint> ForDimension(int dimension) => Table.AsSpan(dimension * Bits, Bits);

    private static uint[] Load()
    {
        using Stream stream = typeof(SobolDirectionNumbers).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from the engine assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        ReadOnlySpan<byte> bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        int headerEnd = bytes.IndexOf(Encoding.ASCII.GetBytes(EndOfHeader));
        if (headerEnd < 0) throw Corrupt("no end-of-header line");
        string header = Encoding.ASCII.GetString(bytes[..headerEnd]);
        RequireHeaderValue(header, "dimensions", Dimensions);
        RequireHeaderValue(header, "bits", Bits);

        ReadOnlySpan<byte> payload = bytes[(headerEnd + EndOfHeader.Length)..];
        if (payload.Length != Dimensions * Bits * sizeof(uint))
            throw Corrupt($"payload is {payload.Length} bytes, expected {Dimensions * Bits * sizeof(uint)}");

        var table = new uint[Dimensions * Bits];
        for (int i = 0; i < table.Length; i++)
            table[i] = BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(i * sizeof(uint), sizeof(uint)));
        return table;
    }

    private static void RequireHeaderValue(string header, string key, int expected)
    {
        foreach (string line in header.Split('\n'))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                if (int.TryParse(line.AsSpan(key.Length + 1).Trim(), out int value) && value == expected) return;
                throw Corrupt($"header line '{line}', expected {key}: {expected}");
            }
        }
        throw Corrupt($"header has no '{key}' line");
    }

    private static InvalidOperationException Corrupt(string detail) =>
        new($"Embedded Sobol direction table '{ResourceName}' is malformed: {detail}.");
}

using System.IO.Compression;

namespace CarbonDerivatives.Tests.Api.Wire;

/// <summary>A request body as sent: its bytes, the grpc-encoding header (or none) and what kind of damage it carries.</summary>
internal sealed record WireCase(string Kind, byte[] Body, string? Encoding = null);

/// <summary>
/// Broken request bodies from a seeded generator: random payloads in a correct frame, valid messages with bytes
/// flipped, cut, inserted or repeated, and broken framing (lying length prefixes, bad flags, compressed frames
/// without an encoding or with garbage, empty bodies, partial headers, two messages where one is allowed).
/// </summary>
internal static class WireMutations
{
    public static WireCase Next(Random random, byte[] validMessage) => random.Next(10) switch
    {
        < 4 => new WireCase("random payload", GrpcWire.Frame(RandomBytes(random, random.Next(0, 257)))),
        < 8 => new WireCase("mutated message", GrpcWire.Frame(Mutate(random, validMessage))),
        _ => Framing(random, validMessage),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>1-4 edits of a valid message: bit flips, byte overwrites, deletions, insertions, truncation, repetition.</summary>
    private static byte[] Mutate(Random random, byte[] message)
    {
        var bytes = new List<byte>(message);
        for (int edits = random.Next(1, 5); edits > 0; edits--)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 2 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 16))); break;
                case 3: bytes.InsertRange(at, RandomBytes(random, random.Next(1, 16))); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, random.Next(1, 32)))); break;
            }
        }
        return [.. bytes];
    }

    private static WireCase Framing(Random random, byte[] message)
    {
        switch (random.Next(10))
        {
            case 0: return new("length prefix too long", GrpcWire.Frame(message, length: (uint)(message.Length + random.Next(1, 1000))));
            case 1 when message.Length > 0: return new("length prefix too short", GrpcWire.Frame(message, length: (uint)random.Next(0, message.Length)));
            case 2: return new("bad frame flag", GrpcWire.Frame(message, flag: (byte)random.Next(2, 256)));
            case 3: return new("compressed without encoding", GrpcWire.Frame(message, flag: 1));
            case 4: return new("compressed garbage", GrpcWire.Frame(RandomBytes(random, random.Next(1, 200)), flag: 1), "gzip");
            case 5: return new("empty body", []);
            case 6: return new("partial header", RandomBytes(random, random.Next(1, 5)));
            case 7: return new("huge length prefix", GrpcWire.Frame(message, length: random.Next(3) switch { 0 => uint.MaxValue, 1 => int.MaxValue, _ => 16 * 1024 * 1024 + 1 }));
            case 8: return new("gzip bomb", GrpcWire.Frame(GzipBomb.Value, flag: 1), "gzip");
            default: return new("two messages", [.. GrpcWire.Frame(message), .. GrpcWire.Frame(message)]);
        }
    }

    /// <summary>40 MiB of zeros in about 40 kB: over the 16 MiB limit once decompressed.</summary>
    private static readonly Lazy<byte[]> GzipBomb = new(() => Gzip(new byte[40 * 1024 * 1024]));

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize)) gzip.Write(data);
        return output.ToArray();
    }
}

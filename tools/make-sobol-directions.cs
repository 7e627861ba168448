#:package QLNet
#:property PublishAot=false
// Writes the Sobol direction-number table embedded in the engine
// (engine/Simulation/sobol-joe-kuo-6-1024x32.bin).
//
// Usage (from the repository root):
//   dotnet run tools/make-sobol-directions.cs -- engine/Simulation/sobol-joe-kuo-6-1024x32.bin
//
// QLNet's version (1.13.2) comes from the central pin in Directory.Packages.props: with central
// package management a version in "#:package" is rejected (NU1008).
//
// PublishAot is off because file-based apps default to it, which disables the Reflection.Emit
// that QLNet's InitializedList uses.
//
// Source of the numbers: QLNet 1.13.2, SobolRsg with DirectionIntegers.JoeKuoD6, whose
// initialisers are S. Joe and F. Y. Kuo's "new-joe-kuo-6.21201" table (Joe & Kuo 2008,
// "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput.
// 30(5), 2635-2654). QLNet expands the initial numbers m_1..m_s with the primitive-polynomial
// recurrence into 32 left-aligned direction integers v_0..v_31 per dimension.
//
// QLNet keeps the expanded integers in the private field SobolRsg.directionIntegers_
// (List<List<ulong>>), which this script reads by reflection; the engine tests then check the
// table against QLNet's public nextInt32Sequence/skipTo, so a change of that private field
// in a later QLNet would be caught there, not silently accepted.
//
// File layout: an ASCII header of "key: value" lines, ended by the line "end-of-header",
// followed by dimensions x bits little-endian uint32 values, dimension-major
// (all 32 direction numbers of dimension 0, then dimension 1, ...).
using System.Buffers.Binary;
using System.Reflection;
using System.Text;
using QLNet;

const int Dimensions = 1024;
const int Bits = 32;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run tools/make-sobol-directions.cs -- OUTFILE");
    return 2;
}

var rsg = new SobolRsg(Dimensions, 0, SobolRsg.DirectionIntegers.JoeKuoD6);
var field = typeof(SobolRsg).GetField("directionIntegers_", BindingFlags.NonPublic | BindingFlags.Instance)
    ?? throw new InvalidOperationException("QLNet SobolRsg has no private field directionIntegers_ (QLNet version changed?)");
var table = (List<List<ulong>>)field.GetValue(rsg)!;
if (table.Count != Dimensions) throw new InvalidOperationException($"expected {Dimensions} dimensions, got {table.Count}");

var header = new StringBuilder()
    .Append("format: CarbonDerivatives Sobol direction numbers v1\n")
    .Append("source: Joe & Kuo (2008) new-joe-kuo-6.21201, as expanded by QLNet 1.13.2 SobolRsg(DirectionIntegers.JoeKuoD6)\n")
    .Append("generator: tools/make-sobol-directions.cs\n")
    .Append($"dimensions: {Dimensions}\n")
    .Append($"bits: {Bits}\n")
    .Append("layout: little-endian uint32, dimension-major, v[d*bits + j] = j-th direction number of dimension d (left-aligned)\n")
    .Append("end-of-header\n")
    .ToString();

byte[] headerBytes = Encoding.ASCII.GetBytes(header);
byte[] bytes = new byte[headerBytes.Length + Dimensions * Bits * sizeof(uint)];
headerBytes.CopyTo(bytes, 0);
int offset = headerBytes.Length;
for (int d = 0; d < Dimensions; d++)
{
    if (table[d].Count != Bits) throw new InvalidOperationException($"dimension {d}: expected {Bits} bits, got {table[d].Count}");
    for (int j = 0; j < Bits; j++)
    {
        ulong v = table[d][j];
        // v_j = m_j * 2^(31 - j) with m_j odd and m_j < 2^(j + 1) (Bratley & Fox 1988, section 2).
        ulong m = v >> (Bits - 1 - j);
        if (v > uint.MaxValue || (m & 1UL) != 1UL || (m << (Bits - 1 - j)) != v)
            throw new InvalidOperationException($"dimension {d}, bit {j}: malformed direction number {v:X}");
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), (uint)v);
        offset += sizeof(uint);
    }
}

// Write beside the target, then rename, so a failed run never leaves a truncated table.
string temporary = args[0] + ".tmp";
File.WriteAllBytes(temporary, bytes);
File.Move(temporary, args[0], overwrite: true);

Console.WriteLine($"wrote {args[0]}: {Dimensions} dimensions x {Bits} bits");
return 0;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>Eight generator words in one AVX-256 register.</summary>
internal readonly struct SimdUInt64x256(Vector256<ulong> value) : ISimdUInt64<SimdUInt64x256, SimdDouble256>
{
    private readonly Vector256<ulong> _v = value;

    public static int Count => Vector256<ulong>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x256 Load(ReadOnlySpan<ulong> source, int offset) =>
        new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<ulong> destination, int offset) =>
        _v.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x256 operator +(SimdUInt64x256 l, SimdUInt64x256 r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x256 operator ^(SimdUInt64x256 l, SimdUInt64x256 r) => new(l._v ^ r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x256 operator |(SimdUInt64x256 l, SimdUInt64x256 r) => new(l._v | r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x256 operator <<(SimdUInt64x256 v, int shift) => new(v._v << shift);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x256 operator >>>(SimdUInt64x256 v, int shift) => new(v._v >>> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 ToUniform(SimdUInt64x256 bits) =>
        new(Vector256.FusedMultiplyAdd(Vector256.ConvertToDouble(bits._v >>> 11),
            Vector256.Create(UniformBits.Scale), Vector256.Create(UniformBits.HalfUlp)));
}

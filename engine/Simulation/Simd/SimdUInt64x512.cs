using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>Eight generator words in one AVX-512 register.</summary>
internal readonly struct SimdUInt64x512(Vector512<ulong> value) : ISimdUInt64<SimdUInt64x512, SimdDouble512>
{
    private readonly Vector512<ulong> _v = value;

    public static int Count => Vector512<ulong>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x512 Load(ReadOnlySpan<ulong> source, int offset) =>
        new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<ulong> destination, int offset) =>
        _v.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x512 operator +(SimdUInt64x512 l, SimdUInt64x512 r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x512 operator ^(SimdUInt64x512 l, SimdUInt64x512 r) => new(l._v ^ r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x512 operator |(SimdUInt64x512 l, SimdUInt64x512 r) => new(l._v | r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x512 operator <<(SimdUInt64x512 v, int shift) => new(v._v << shift);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64x512 operator >>>(SimdUInt64x512 v, int shift) => new(v._v >>> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 ToUniform(SimdUInt64x512 bits) =>
        new(Vector512.FusedMultiplyAdd(Vector512.ConvertToDouble(bits._v >>> 11),
            Vector512.Create(UniformBits.Scale), Vector512.Create(UniformBits.HalfUlp)));
}

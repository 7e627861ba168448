using System.Runtime.CompilerServices;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>One generator word: the scalar tier and the reference definition of the streams.</summary>
internal readonly struct SimdUInt64Scalar(ulong value) : ISimdUInt64<SimdUInt64Scalar, SimdDoubleScalar>
{
    private readonly ulong _v = value;

    public static int Count => 1;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64Scalar Load(ReadOnlySpan<ulong> source, int offset) => new(source[offset]);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<ulong> destination, int offset) => destination[offset] = _v;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64Scalar operator +(SimdUInt64Scalar l, SimdUInt64Scalar r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64Scalar operator ^(SimdUInt64Scalar l, SimdUInt64Scalar r) => new(l._v ^ r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64Scalar operator |(SimdUInt64Scalar l, SimdUInt64Scalar r) => new(l._v | r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64Scalar operator <<(SimdUInt64Scalar v, int shift) => new(v._v << shift);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdUInt64Scalar operator >>>(SimdUInt64Scalar v, int shift) => new(v._v >>> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar ToUniform(SimdUInt64Scalar bits) =>
        new(Math.FusedMultiplyAdd((double)(bits._v >>> 11), UniformBits.Scale, UniformBits.HalfUlp));
}

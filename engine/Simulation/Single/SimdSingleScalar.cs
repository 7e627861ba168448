using System.Runtime.CompilerServices;

namespace CarbonDerivatives.Engine.Simulation.Single;

/// <summary>One float: the scalar tier, used for tails and on CPUs without vector support.</summary>
internal readonly struct SimdSingleScalar(float value) : ISimdSingle<SimdSingleScalar>
{
    private readonly float _v = value;

    public static int Count => 1;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar Load(ReadOnlySpan<float> source, int offset) => new(source[offset]);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<float> destination, int offset) => destination[offset] = _v;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar Broadcast(float value) => new(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar LoadRounded(ReadOnlySpan<double> source, int offset) => new((float)source[offset]);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreWidened(Span<double> destination, int offset) => destination[offset] = _v;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar operator +(SimdSingleScalar l, SimdSingleScalar r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar operator -(SimdSingleScalar l, SimdSingleScalar r) => new(l._v - r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar operator *(SimdSingleScalar l, SimdSingleScalar r) => new(l._v * r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar operator /(SimdSingleScalar l, SimdSingleScalar r) => new(l._v / r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar MultiplyAdd(SimdSingleScalar a, SimdSingleScalar b, SimdSingleScalar c) => new(MathF.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar Max(SimdSingleScalar l, SimdSingleScalar r) => new(MathF.Max(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar Min(SimdSingleScalar l, SimdSingleScalar r) => new(MathF.Min(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar Sqrt(SimdSingleScalar v) => new(MathF.Sqrt(v._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar WhereGreater(SimdSingleScalar l, SimdSingleScalar r, SimdSingleScalar ifTrue, SimdSingleScalar ifFalse) =>
        l._v > r._v ? ifTrue : ifFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingleScalar PowerOfTwo(SimdSingleScalar n) =>
        new(BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(n._v + SingleExponentBits.BiasedShift) << 23));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (SimdSingleScalar Mantissa, SimdSingleScalar Exponent) Decompose(SimdSingleScalar v)
    {
        uint bits = BitConverter.SingleToUInt32Bits(v._v);
        float mantissa = BitConverter.UInt32BitsToSingle((bits & SingleExponentBits.MantissaMask) | SingleExponentBits.OneBits);
        float exponent = BitConverter.UInt32BitsToSingle((bits >> 23) | SingleExponentBits.ShiftBits) - SingleExponentBits.BiasedShift;
        return (new(mantissa), new(exponent));
    }
}

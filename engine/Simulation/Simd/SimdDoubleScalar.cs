using System.Runtime.CompilerServices;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>One double: the scalar tier, used for tails and on CPUs without vector support.</summary>
internal readonly struct SimdDoubleScalar(double value) : ISimdDouble<SimdDoubleScalar>
{
    private readonly double _v = value;

    public static int Count => 1;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar Load(ReadOnlySpan<double> source, int offset) => new(source[offset]);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination, int offset) => destination[offset] = _v;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar Broadcast(double value) => new(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar operator +(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar operator -(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v - r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar operator *(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v * r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar operator /(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v / r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar MultiplyAdd(SimdDoubleScalar a, SimdDoubleScalar b, SimdDoubleScalar c) => new(Math.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar Max(SimdDoubleScalar l, SimdDoubleScalar r) => new(Math.Max(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar Min(SimdDoubleScalar l, SimdDoubleScalar r) => new(Math.Min(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar Sqrt(SimdDoubleScalar v) => new(Math.Sqrt(v._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreater(SimdDoubleScalar l, SimdDoubleScalar r) => l._v > r._v;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar Gather(ReadOnlySpan<double> table, SimdDoubleScalar n) => new(table[(int)n._v]);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar OneWhereGreater(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v > r._v ? 1.0 : 0.0);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar WhereGreater(SimdDoubleScalar l, SimdDoubleScalar r, SimdDoubleScalar ifTrue, SimdDoubleScalar ifFalse) =>
        l._v > r._v ? ifTrue : ifFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar PowerOfTwo(SimdDoubleScalar n) =>
        new(BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(n._v + ExponentBits.BiasedShift) << 52));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDoubleScalar ScaleByPowerOfTwo(SimdDoubleScalar v, SimdDoubleScalar n) => new(Math.ScaleB(v._v, (int)n._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (SimdDoubleScalar Mantissa, SimdDoubleScalar Exponent) Decompose(SimdDoubleScalar v)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(v._v);
        double mantissa = BitConverter.UInt64BitsToDouble((bits & ExponentBits.MantissaMask) | ExponentBits.OneBits);
        double exponent = BitConverter.UInt64BitsToDouble((bits >> 52) | ExponentBits.ShiftBits) - ExponentBits.BiasedShift;
        return (new(mantissa), new(exponent));
    }
}

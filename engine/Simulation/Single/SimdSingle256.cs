using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CarbonDerivatives.Engine.Simulation.Single;

/// <summary>Eight floats in one AVX2 register.</summary>
internal readonly struct SimdSingle256(Vector256<float> value) : ISimdSingle<SimdSingle256>
{
    private readonly Vector256<float> _v = value;

    public static int Count => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 Load(ReadOnlySpan<float> source, int offset) =>
        new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<float> destination, int offset) => _v.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 Broadcast(float value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 LoadRounded(ReadOnlySpan<double> source, int offset)
    {
        ref double start = ref MemoryMarshal.GetReference(source);
        return new(Vector256.Narrow(Vector256.LoadUnsafe(ref start, (nuint)offset), Vector256.LoadUnsafe(ref start, (nuint)(offset + Count / 2))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreWidened(Span<double> destination, int offset)
    {
        var (lower, upper) = Vector256.Widen(_v);
        ref double start = ref MemoryMarshal.GetReference(destination);
        lower.StoreUnsafe(ref start, (nuint)offset);
        upper.StoreUnsafe(ref start, (nuint)(offset + Count / 2));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 operator +(SimdSingle256 l, SimdSingle256 r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 operator -(SimdSingle256 l, SimdSingle256 r) => new(l._v - r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 operator *(SimdSingle256 l, SimdSingle256 r) => new(l._v * r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 operator /(SimdSingle256 l, SimdSingle256 r) => new(l._v / r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 MultiplyAdd(SimdSingle256 a, SimdSingle256 b, SimdSingle256 c) => new(Vector256.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 Max(SimdSingle256 l, SimdSingle256 r) => new(Vector256.Max(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 Min(SimdSingle256 l, SimdSingle256 r) => new(Vector256.Min(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 Sqrt(SimdSingle256 v) => new(Vector256.Sqrt(v._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 WhereGreater(SimdSingle256 l, SimdSingle256 r, SimdSingle256 ifTrue, SimdSingle256 ifFalse) =>
        new(Vector256.ConditionalSelect(Vector256.GreaterThan(l._v, r._v), ifTrue._v, ifFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle256 PowerOfTwo(SimdSingle256 n) =>
        new(((n._v + Vector256.Create(SingleExponentBits.BiasedShift)).AsUInt32() << 23).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (SimdSingle256 Mantissa, SimdSingle256 Exponent) Decompose(SimdSingle256 v)
    {
        var bits = v._v.AsUInt32();
        var mantissa = (bits & Vector256.Create(SingleExponentBits.MantissaMask)) | Vector256.Create(SingleExponentBits.OneBits);
        var exponent = ((bits >> 23) | Vector256.Create(SingleExponentBits.ShiftBits)).AsSingle() - Vector256.Create(SingleExponentBits.BiasedShift);
        return (new(mantissa.AsSingle()), new(exponent));
    }
}

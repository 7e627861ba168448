using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CarbonDerivatives.Engine.Simulation.Single;

/// <summary>Sixteen floats in one AVX-512 register.</summary>
internal readonly struct SimdSingle512(Vector512<float> value) : ISimdSingle<SimdSingle512>
{
    private readonly Vector512<float> _v = value;

    public static int Count => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 Load(ReadOnlySpan<float> source, int offset) =>
        new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<float> destination, int offset) => _v.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 Broadcast(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 LoadRounded(ReadOnlySpan<double> source, int offset)
    {
        ref double start = ref MemoryMarshal.GetReference(source);
        return new(Vector512.Narrow(Vector512.LoadUnsafe(ref start, (nuint)offset), Vector512.LoadUnsafe(ref start, (nuint)(offset + Count / 2))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreWidened(Span<double> destination, int offset)
    {
        var (lower, upper) = Vector512.Widen(_v);
        ref double start = ref MemoryMarshal.GetReference(destination);
        lower.StoreUnsafe(ref start, (nuint)offset);
        upper.StoreUnsafe(ref start, (nuint)(offset + Count / 2));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 operator +(SimdSingle512 l, SimdSingle512 r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 operator -(SimdSingle512 l, SimdSingle512 r) => new(l._v - r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 operator *(SimdSingle512 l, SimdSingle512 r) => new(l._v * r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 operator /(SimdSingle512 l, SimdSingle512 r) => new(l._v / r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 MultiplyAdd(SimdSingle512 a, SimdSingle512 b, SimdSingle512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 Max(SimdSingle512 l, SimdSingle512 r) => new(Vector512.Max(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 Min(SimdSingle512 l, SimdSingle512 r) => new(Vector512.Min(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 Sqrt(SimdSingle512 v) => new(Vector512.Sqrt(v._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 WhereGreater(SimdSingle512 l, SimdSingle512 r, SimdSingle512 ifTrue, SimdSingle512 ifFalse) =>
        new(Vector512.ConditionalSelect(Vector512.GreaterThan(l._v, r._v), ifTrue._v, ifFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdSingle512 PowerOfTwo(SimdSingle512 n) =>
        new(((n._v + Vector512.Create(SingleExponentBits.BiasedShift)).AsUInt32() << 23).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (SimdSingle512 Mantissa, SimdSingle512 Exponent) Decompose(SimdSingle512 v)
    {
        var bits = v._v.AsUInt32();
        var mantissa = (bits & Vector512.Create(SingleExponentBits.MantissaMask)) | Vector512.Create(SingleExponentBits.OneBits);
        var exponent = ((bits >> 23) | Vector512.Create(SingleExponentBits.ShiftBits)).AsSingle() - Vector512.Create(SingleExponentBits.BiasedShift);
        return (new(mantissa.AsSingle()), new(exponent));
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>Eight doubles in one AVX-256 register.</summary>
internal readonly struct SimdDouble256(Vector256<double> value) : ISimdDouble<SimdDouble256>
{
    private readonly Vector256<double> _v = value;

    public static int Count => Vector256<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 Load(ReadOnlySpan<double> source, int offset) =>
        new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination, int offset) =>
        _v.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 Broadcast(double value) => new(Vector256.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 operator +(SimdDouble256 l, SimdDouble256 r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 operator -(SimdDouble256 l, SimdDouble256 r) => new(l._v - r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 operator *(SimdDouble256 l, SimdDouble256 r) => new(l._v * r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 operator /(SimdDouble256 l, SimdDouble256 r) => new(l._v / r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 MultiplyAdd(SimdDouble256 a, SimdDouble256 b, SimdDouble256 c) => new(Vector256.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 Max(SimdDouble256 l, SimdDouble256 r) => new(Vector256.Max(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 Min(SimdDouble256 l, SimdDouble256 r) => new(Vector256.Min(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 Sqrt(SimdDouble256 v) => new(Vector256.Sqrt(v._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreater(SimdDouble256 l, SimdDouble256 r) => Vector256.GreaterThanAny(l._v, r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe SimdDouble256 Gather(ReadOnlySpan<double> table, SimdDouble256 n)
    {
        if (!Avx2.IsSupported) return new(Vector256.Create(table[(int)n._v[0]], table[(int)n._v[1]], table[(int)n._v[2]], table[(int)n._v[3]]));
        fixed (double* start = table) return new(Avx2.GatherVector256(start, Avx.ConvertToVector128Int32WithTruncation(n._v), 8));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 OneWhereGreater(SimdDouble256 l, SimdDouble256 r) =>
        new(Vector256.GreaterThan(l._v, r._v) & Vector256<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 WhereGreater(SimdDouble256 l, SimdDouble256 r, SimdDouble256 ifTrue, SimdDouble256 ifFalse) =>
        new(Vector256.ConditionalSelect(Vector256.GreaterThan(l._v, r._v), ifTrue._v, ifFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 PowerOfTwo(SimdDouble256 n) =>
        new(((n._v + Vector256.Create(ExponentBits.BiasedShift)).AsUInt64() << 52).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble256 ScaleByPowerOfTwo(SimdDouble256 v, SimdDouble256 n) =>
        Avx512F.VL.IsSupported ? new(Avx512F.VL.Scale(v._v, n._v)) : ExponentBits.ScaleInTwoFactors(v, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (SimdDouble256 Mantissa, SimdDouble256 Exponent) Decompose(SimdDouble256 v)
    {
        var bits = v._v.AsUInt64();
        var mantissa = (bits & Vector256.Create(ExponentBits.MantissaMask)) | Vector256.Create(ExponentBits.OneBits);
        var exponent = ((bits >> 52) | Vector256.Create(ExponentBits.ShiftBits)).AsDouble() - Vector256.Create(ExponentBits.BiasedShift);
        return (new(mantissa.AsDouble()), new(exponent));
    }
}

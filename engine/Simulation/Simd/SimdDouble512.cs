using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>Eight doubles in one AVX-512 register.</summary>
internal readonly struct SimdDouble512(Vector512<double> value) : ISimdDouble<SimdDouble512>
{
    private readonly Vector512<double> _v = value;

    public static int Count => Vector512<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 Load(ReadOnlySpan<double> source, int offset) =>
        new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination, int offset) =>
        _v.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 Broadcast(double value) => new(Vector512.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 operator +(SimdDouble512 l, SimdDouble512 r) => new(l._v + r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 operator -(SimdDouble512 l, SimdDouble512 r) => new(l._v - r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 operator *(SimdDouble512 l, SimdDouble512 r) => new(l._v * r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 operator /(SimdDouble512 l, SimdDouble512 r) => new(l._v / r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 MultiplyAdd(SimdDouble512 a, SimdDouble512 b, SimdDouble512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 Max(SimdDouble512 l, SimdDouble512 r) => new(Vector512.Max(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 Min(SimdDouble512 l, SimdDouble512 r) => new(Vector512.Min(l._v, r._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 Sqrt(SimdDouble512 v) => new(Vector512.Sqrt(v._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreater(SimdDouble512 l, SimdDouble512 r) => Vector512.GreaterThanAny(l._v, r._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 OneWhereGreater(SimdDouble512 l, SimdDouble512 r) =>
        new(Vector512.GreaterThan(l._v, r._v) & Vector512<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe SimdDouble512 Gather(ReadOnlySpan<double> table, SimdDouble512 n)
    {
        var index = Vector512.ConvertToInt64(n._v);
        if (!Avx2.IsSupported)
            return new(Vector512.Create(table[(int)index[0]], table[(int)index[1]], table[(int)index[2]], table[(int)index[3]],
                table[(int)index[4]], table[(int)index[5]], table[(int)index[6]], table[(int)index[7]]));
        fixed (double* start = table) // two 256-bit gathers: .NET exposes no 512-bit one
            return new(Vector512.Create(Avx2.GatherVector256(start, index.GetLower(), 8), Avx2.GatherVector256(start, index.GetUpper(), 8)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 WhereGreater(SimdDouble512 l, SimdDouble512 r, SimdDouble512 ifTrue, SimdDouble512 ifFalse) =>
        new(Vector512.ConditionalSelect(Vector512.GreaterThan(l._v, r._v), ifTrue._v, ifFalse._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 PowerOfTwo(SimdDouble512 n) =>
        new(((n._v + Vector512.Create(ExponentBits.BiasedShift)).AsUInt64() << 52).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SimdDouble512 ScaleByPowerOfTwo(SimdDouble512 v, SimdDouble512 n) =>
        Avx512F.IsSupported ? new(Avx512F.Scale(v._v, n._v)) : ExponentBits.ScaleInTwoFactors(v, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (SimdDouble512 Mantissa, SimdDouble512 Exponent) Decompose(SimdDouble512 v)
    {
        var bits = v._v.AsUInt64();
        var mantissa = (bits & Vector512.Create(ExponentBits.MantissaMask)) | Vector512.Create(ExponentBits.OneBits);
        var exponent = ((bits >> 52) | Vector512.Create(ExponentBits.ShiftBits)).AsDouble() - Vector512.Create(ExponentBits.BiasedShift);
        return (new(mantissa.AsDouble()), new(exponent));
    }
}

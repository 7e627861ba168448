using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    public static SimdDouble256 Broadcast(double value) => new(Vector256.Create(value));
    public static SimdDouble256 operator +(SimdDouble256 l, SimdDouble256 r) => new(l._v + r._v);
    public static SimdDouble256 operator -(SimdDouble256 l, SimdDouble256 r) => new(l._v - r._v);
    public static SimdDouble256 operator *(SimdDouble256 l, SimdDouble256 r) => new(l._v * r._v);
    public static SimdDouble256 MultiplyAdd(SimdDouble256 a, SimdDouble256 b, SimdDouble256 c) => new(Vector256.FusedMultiplyAdd(a._v, b._v, c._v));
    public static SimdDouble256 Max(SimdDouble256 l, SimdDouble256 r) => new(Vector256.Max(l._v, r._v));
    public static SimdDouble256 Min(SimdDouble256 l, SimdDouble256 r) => new(Vector256.Min(l._v, r._v));
    public static SimdDouble256 Exp(SimdDouble256 v) => new(Vector256.Exp(v._v));
    public static SimdDouble256 Log(SimdDouble256 v) => new(Vector256.Log(v._v));

    public static (SimdDouble256 Sin, SimdDouble256 Cos) SinCos(SimdDouble256 v)
    {
        var (sin, cos) = Vector256.SinCos(v._v);
        return (new(sin), new(cos));
    }

    public static SimdDouble256 Sqrt(SimdDouble256 v) => new(Vector256.Sqrt(v._v));
    public static SimdDouble256 OneWhereGreater(SimdDouble256 l, SimdDouble256 r) =>
        new(Vector256.GreaterThan(l._v, r._v) & Vector256<double>.One);
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    public static SimdDouble512 Broadcast(double value) => new(Vector512.Create(value));
    public static SimdDouble512 operator +(SimdDouble512 l, SimdDouble512 r) => new(l._v + r._v);
    public static SimdDouble512 operator -(SimdDouble512 l, SimdDouble512 r) => new(l._v - r._v);
    public static SimdDouble512 operator *(SimdDouble512 l, SimdDouble512 r) => new(l._v * r._v);
    public static SimdDouble512 MultiplyAdd(SimdDouble512 a, SimdDouble512 b, SimdDouble512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));
    public static SimdDouble512 Max(SimdDouble512 l, SimdDouble512 r) => new(Vector512.Max(l._v, r._v));
    public static SimdDouble512 Min(SimdDouble512 l, SimdDouble512 r) => new(Vector512.Min(l._v, r._v));
    public static SimdDouble512 Exp(SimdDouble512 v) => new(Vector512.Exp(v._v));
    public static SimdDouble512 Log(SimdDouble512 v) => new(Vector512.Log(v._v));

    public static (SimdDouble512 Sin, SimdDouble512 Cos) SinCos(SimdDouble512 v)
    {
        var (sin, cos) = Vector512.SinCos(v._v);
        return (new(sin), new(cos));
    }

    public static SimdDouble512 Sqrt(SimdDouble512 v) => new(Vector512.Sqrt(v._v));
    public static SimdDouble512 OneWhereGreater(SimdDouble512 l, SimdDouble512 r) =>
        new(Vector512.GreaterThan(l._v, r._v) & Vector512<double>.One);
}

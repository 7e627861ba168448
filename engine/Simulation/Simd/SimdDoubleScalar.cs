namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>One double: the scalar tier, used for tails and on CPUs without vector support.</summary>
internal readonly struct SimdDoubleScalar(double value) : ISimdDouble<SimdDoubleScalar>
{
    private readonly double _v = value;

    public static int Count => 1;
    public static SimdDoubleScalar Load(ReadOnlySpan<double> source, int offset) => new(source[offset]);
    public void Store(Span<double> destination, int offset) => destination[offset] = _v;
    public static SimdDoubleScalar Broadcast(double value) => new(value);
    public static SimdDoubleScalar operator +(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v + r._v);
    public static SimdDoubleScalar operator -(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v - r._v);
    public static SimdDoubleScalar operator *(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v * r._v);
    public static SimdDoubleScalar MultiplyAdd(SimdDoubleScalar a, SimdDoubleScalar b, SimdDoubleScalar c) => new(Math.FusedMultiplyAdd(a._v, b._v, c._v));
    public static SimdDoubleScalar Max(SimdDoubleScalar l, SimdDoubleScalar r) => new(Math.Max(l._v, r._v));
    public static SimdDoubleScalar Min(SimdDoubleScalar l, SimdDoubleScalar r) => new(Math.Min(l._v, r._v));
    public static SimdDoubleScalar Exp(SimdDoubleScalar v) => new(Math.Exp(v._v));
    public static SimdDoubleScalar Log(SimdDoubleScalar v) => new(Math.Log(v._v));

    public static (SimdDoubleScalar Sin, SimdDoubleScalar Cos) SinCos(SimdDoubleScalar v)
    {
        var (sin, cos) = Math.SinCos(v._v);
        return (new(sin), new(cos));
    }

    public static SimdDoubleScalar Sqrt(SimdDoubleScalar v) => new(Math.Sqrt(v._v));
    public static SimdDoubleScalar OneWhereGreater(SimdDoubleScalar l, SimdDoubleScalar r) => new(l._v > r._v ? 1.0 : 0.0);
}

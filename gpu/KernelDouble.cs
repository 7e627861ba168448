using System.Runtime.CompilerServices;
using CarbonDerivatives.Engine.Simulation.Simd;
using ILGPU;

namespace CarbonDerivatives.Gpu;

/// <summary>
/// One double inside a kernel, as the engine's <see cref="ISimdDouble{TSelf}"/>: the kernels call the engine's own
/// <see cref="ElementaryFunctions"/> (exp, log, sin/cos of turns) through it, so the device evaluates the same
/// exactly rounded operations in the same order as every CPU tier. Bit casts go through ILGPU's
/// <see cref="Interop"/> (kernels cannot call <see cref="BitConverter"/>); the fused multiply-add is
/// <typeparamref name="TFma"/>'s, which differs between the CPU accelerator and CUDA.
/// </summary>
internal readonly struct KernelDouble<TFma>(double value) : ISimdDouble<KernelDouble<TFma>>
    where TFma : struct, IFusedMultiplyAdd
{
    public readonly double Value = value;

    public static int Count => 1;
    public static KernelDouble<TFma> Load(ReadOnlySpan<double> source, int offset) => new(source[offset]);
    public void Store(Span<double> destination, int offset) => destination[offset] = Value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> Broadcast(double value) => new(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> operator +(KernelDouble<TFma> l, KernelDouble<TFma> r) => new(l.Value + r.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> operator -(KernelDouble<TFma> l, KernelDouble<TFma> r) => new(l.Value - r.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> operator *(KernelDouble<TFma> l, KernelDouble<TFma> r) => new(l.Value * r.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> operator /(KernelDouble<TFma> l, KernelDouble<TFma> r) => new(l.Value / r.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> MultiplyAdd(KernelDouble<TFma> a, KernelDouble<TFma> b, KernelDouble<TFma> c) => new(TFma.Apply(a.Value, b.Value, c.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> Max(KernelDouble<TFma> l, KernelDouble<TFma> r) => new(Math.Max(l.Value, r.Value)); // NaN in, NaN out, as the scalar tier
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> Min(KernelDouble<TFma> l, KernelDouble<TFma> r) => new(Math.Min(l.Value, r.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> Sqrt(KernelDouble<TFma> v) => new(Math.Sqrt(v.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreater(KernelDouble<TFma> l, KernelDouble<TFma> r) => l.Value > r.Value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> Gather(ReadOnlySpan<double> table, KernelDouble<TFma> n) => new(table[(int)n.Value]);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> OneWhereGreater(KernelDouble<TFma> l, KernelDouble<TFma> r) => new(l.Value > r.Value ? 1.0 : 0.0);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> WhereGreater(KernelDouble<TFma> l, KernelDouble<TFma> r, KernelDouble<TFma> ifTrue, KernelDouble<TFma> ifFalse) =>
        l.Value > r.Value ? ifTrue : ifFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> PowerOfTwo(KernelDouble<TFma> n) =>
        new(Interop.IntAsFloat(Interop.FloatAsInt(n.Value + ExponentBits.BiasedShift) << 52));

    /// <summary>The two-factor product: the same bits as the CPU's vscalefpd and Math.ScaleB.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelDouble<TFma> ScaleByPowerOfTwo(KernelDouble<TFma> v, KernelDouble<TFma> n) => ExponentBits.ScaleInTwoFactors(v, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (KernelDouble<TFma> Mantissa, KernelDouble<TFma> Exponent) Decompose(KernelDouble<TFma> v)
    {
        ulong bits = Interop.FloatAsInt(v.Value);
        double mantissa = Interop.IntAsFloat((bits & ExponentBits.MantissaMask) | ExponentBits.OneBits);
        double exponent = Interop.IntAsFloat((bits >> 52) | ExponentBits.ShiftBits) - ExponentBits.BiasedShift;
        return (new(mantissa), new(exponent));
    }
}

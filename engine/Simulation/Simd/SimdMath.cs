namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>
/// Element-wise exp, log and fused multiply-add over spans, for the kernels whose bits must not depend on anything
/// but their inputs. TensorPrimitives' multiply-add is an estimate (fused or not, as the code compiling it decides:
/// tier-0 and tier-1 code disagree, so results changed while a process warmed up) and its exp and log are the
/// runtime's; these always fuse (one rounding) and use <see cref="ElementaryFunctions"/>, the same bits on every tier.
/// </summary>
internal static class SimdMath
{
    /// <summary>destination[i] = x[i]·y + addend[i] with one rounding; destination may be x or addend.</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> x, double y, ReadOnlySpan<double> addend, Span<double> destination)
    {
        var kernel = new ScaledAdd { X = x, Y = y, Addend = addend, Destination = destination };
        SimdLoop.Run(ref kernel, x.Length);
    }

    /// <summary>destination[i] = x[i]·y[i] + addend with one rounding; destination may be x or y.</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double addend, Span<double> destination)
    {
        var kernel = new ProductAdd { X = x, Y = y, Addend = addend, Destination = destination };
        SimdLoop.Run(ref kernel, x.Length);
    }

    private ref struct ScaledAdd : ISimdKernel
    {
        public ReadOnlySpan<double> X, Addend;
        public Span<double> Destination;
        public double Y;

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            var y = TVec.Broadcast(Y);
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
                TVec.MultiplyAdd(TVec.Load(X, i), y, TVec.Load(Addend, i)).Store(Destination, i);
            return i;
        }
    }

    private ref struct ProductAdd : ISimdKernel
    {
        public ReadOnlySpan<double> X, Y;
        public Span<double> Destination;
        public double Addend;

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            var addend = TVec.Broadcast(Addend);
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
                TVec.MultiplyAdd(TVec.Load(X, i), TVec.Load(Y, i), addend).Store(Destination, i);
            return i;
        }
    }

    /// <summary>destination[i] = e^source[i]; the spans may be the same.</summary>
    public static void Exp(ReadOnlySpan<double> source, Span<double> destination)
    {
        var kernel = new Map { Source = source, Destination = destination, Log = false };
        SimdLoop.Run(ref kernel, source.Length);
    }

    /// <summary>destination[i] = ln source[i]; the spans may be the same.</summary>
    public static void Log(ReadOnlySpan<double> source, Span<double> destination)
    {
        var kernel = new Map { Source = source, Destination = destination, Log = true };
        SimdLoop.Run(ref kernel, source.Length);
    }

    private ref struct Map : ISimdKernel
    {
        public ReadOnlySpan<double> Source;
        public Span<double> Destination;
        public bool Log;

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var x = TVec.Load(Source, i);
                (Log ? ElementaryFunctions.Log(x) : ElementaryFunctions.Exp(x)).Store(Destination, i);
            }
            return i;
        }
    }
}

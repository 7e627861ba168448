using System.Runtime.CompilerServices;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>max(ω(S − K), 0) per path, ω = +1 for a call, −1 for a put.</summary>
internal static class VanillaPayoff
{
    public static void Apply(OptionType type, double strike, ReadOnlySpan<double> underlying, Span<double> payoff)
    {
        var kernel = new Kernel { Call = type == OptionType.Call, Strike = strike, Underlying = underlying, Payoff = payoff };
        SimdLoop.Run(ref kernel, underlying.Length);
    }

    /// <summary>max(ω(S − K), 0) on one vector: what <see cref="Apply"/> writes, for kernels that read it in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Of<TVec>(bool call, double strike, TVec underlying) where TVec : struct, ISimdDouble<TVec>
    {
        var k = TVec.Broadcast(strike);
        return TVec.Max(call ? underlying - k : k - underlying, TVec.Broadcast(0.0));
    }

    private ref struct Kernel : ISimdKernel
    {
        public bool Call;
        public double Strike;
        public ReadOnlySpan<double> Underlying;
        public Span<double> Payoff;

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count) Of(Call, Strike, TVec.Load(Underlying, i)).Store(Payoff, i);
            return i;
        }
    }
}

using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The step shared by every log-price model here: x' = a·x + b + c·z, plus an optional compound
/// Poisson jump J = N·μ_J + √N·σ_J·z_J (the sum of N normal log-jumps is exactly normal), then
/// S = exp(x'). Black-76 is a = 1; Merton adds jumps; Schwartz one-factor has a = e^{-κΔt}.
/// N is drawn by inversion against precomputed Poisson CDF thresholds (N = #{k : u &gt; F(k)}) and z_J from the
/// same uniform (<see cref="PoissonThresholds.AddJumps"/>): one uniform per path and step.
/// </summary>
internal ref struct AffineLogStep : ISimdKernel
{
    public Span<double> State;
    public Span<double> Price;
    public ReadOnlySpan<double> Normals;
    public double A;
    public double B;
    public double C;

    /// <summary>Poisson CDF values F(0), F(1), ...; empty for a model without jumps.</summary>
    public ReadOnlySpan<double> JumpCdf;
    public ReadOnlySpan<double> Uniforms;
    public double JumpMean;
    public double JumpVolatility;

    public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
    {
        var a = TVec.Broadcast(A);
        var b = TVec.Broadcast(B);
        var c = TVec.Broadcast(C);
        bool jumps = !JumpCdf.IsEmpty;
        int i = start;
        for (; i <= length - TVec.Count; i += TVec.Count)
        {
            var x = TVec.MultiplyAdd(TVec.Load(State, i), a, TVec.MultiplyAdd(TVec.Load(Normals, i), c, b));
            if (jumps)
            {
                var u = TVec.Load(Uniforms, i);
                var count = PoissonThresholds.Count(u, JumpCdf, out var lower, out var upper);
                x = PoissonThresholds.AddJumps(x, count, u, lower, upper, JumpMean, JumpVolatility);
            }
            x.Store(State, i);
            ElementaryFunctions.Exp(x).Store(Price, i);
        }
        return i;
    }
}

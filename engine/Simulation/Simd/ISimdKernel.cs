namespace CarbonDerivatives.Engine.Simulation.Simd;

/// <summary>
/// An element-wise kernel over spans of equal length. <see cref="Execute{TVec}"/> processes whole
/// vectors from index <c>start</c> and returns where it stopped; <see cref="SimdLoop"/> runs the
/// widest tier first and the scalar tier on the tail.
/// </summary>
internal interface ISimdKernel
{
    int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>;
}

internal static class SimdLoop
{
    /// <summary>Runs <paramref name="kernel"/> over [0, length) on the widest accelerated tier.</summary>
    public static void Run<TKernel>(scoped ref TKernel kernel, int length)
        where TKernel : ISimdKernel, allows ref struct
    {
        int done = SimdTiers.Current switch
        {
            SimdTier.Vector512 => kernel.Execute<SimdDouble512>(0, length),
            SimdTier.Vector256 => kernel.Execute<SimdDouble256>(0, length),
            _ => 0,
        };
        kernel.Execute<SimdDoubleScalar>(done, length);
    }
}

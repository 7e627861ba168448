namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// SplitMix64 mixing (Steele, Lea &amp; Flood 2014; the seeding method recommended by the authors of
/// xoshiro). Used only to turn (seed, block, lane) into well-spread generator states.
/// </summary>
internal static class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 output function applied to one 64-bit value.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The <paramref name="index"/>-th output of the SplitMix64 sequence started at <paramref name="state"/>.</summary>
    public static ulong At(ulong state, ulong index) => Mix(state + (index + 1) * Gamma);

    /// <summary>A key for a sub-stream: distinct (seed, a, b) give unrelated keys.</summary>
    public static ulong Key(ulong seed, ulong a, ulong b) => Mix(Mix(seed ^ Mix(a + Gamma)) + Mix(b + unchecked(2 * Gamma)));
}

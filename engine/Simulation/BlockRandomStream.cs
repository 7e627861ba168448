using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// The pseudo-random stream owned by one path block: <see cref="Lanes"/> interleaved xoshiro256+
/// generators (Blackman &amp; Vigna 2018), lane <c>l</c> producing elements <c>l, l + 8, l + 16, ...</c>.
/// Each lane is seeded by SplitMix64 from (seed, block, lane), so a block's numbers depend only on the
/// seed and the block index — never on the thread that runs it or on the vector width of the CPU.
/// </summary>
/// <remarks>
/// Uniforms use the top 53 bits and lie in the open interval (0, 1). Normals use the Box–Muller
/// transform, which consumes exactly two uniforms per pair of normals (no rejection), so every block
/// consumes a fixed amount of randomness per step. The vector tiers (512 and 256 bits) and the scalar
/// tier produce identical uniforms; normals agree to the last few ulps of <c>Log</c>/<c>SinCos</c>.
/// </remarks>
internal sealed class BlockRandomStream
{
    /// <summary>Number of interleaved generators: one Vector512 of ulongs.</summary>
    public const int Lanes = 8;

    /// <summary>Fill lengths must be multiples of this (one Box–Muller chunk: 8 radii x cos/sin).</summary>
    public const int Chunk = 2 * Lanes;

    private const double Scale = 1.0 / (1UL << 53);
    private const double HalfUlp = 0.5 / (1UL << 53);

    // State words s0..s3 of the 8 lanes, stored word-major: [s0 x 8][s1 x 8][s2 x 8][s3 x 8].
    private readonly ulong[] _state = new ulong[4 * Lanes];

    /// <summary>Positions the stream at the start of block <paramref name="block"/> for <paramref name="seed"/>.</summary>
    public void Reset(ulong seed, long block, ulong streamTag = 0)
    {
        for (int lane = 0; lane < Lanes; lane++)
        {
            ulong key = SplitMix64.Key(seed ^ streamTag, (ulong)block, (ulong)lane);
            for (int word = 0; word < 4; word++)
                _state[word * Lanes + lane] = SplitMix64.At(key, (ulong)word);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with uniforms in (0, 1).</summary>
    public void FillUniforms(Span<double> destination)
    {
        Debug.Assert(destination.Length % Chunk == 0);
        if (Vector512.IsHardwareAccelerated) FillUniforms512(destination);
        else if (Vector256.IsHardwareAccelerated) FillUniforms256(destination);
        else FillUniformsScalar(destination);
    }

    /// <summary>Fills <paramref name="destination"/> with independent standard normals (Box–Muller).</summary>
    public void FillNormals(Span<double> destination)
    {
        Debug.Assert(destination.Length % Chunk == 0);
        if (Vector512.IsHardwareAccelerated) FillNormals512(destination);
        else if (Vector256.IsHardwareAccelerated) FillNormals256(destination);
        else FillNormalsScalar(destination);
    }

    // ---- 512-bit tier: all 8 lanes in one vector --------------------------------------------

    private void FillUniforms512(Span<double> destination)
    {
        var (s0, s1, s2, s3) = Load512();
        ref double d = ref destination[0];
        for (int i = 0; i < destination.Length; i += Lanes)
            ToUniform(Next(ref s0, ref s1, ref s2, ref s3)).StoreUnsafe(ref d, (nuint)i);
        Store512(s0, s1, s2, s3);
    }

    private void FillNormals512(Span<double> destination)
    {
        var (s0, s1, s2, s3) = Load512();
        ref double d = ref destination[0];
        for (int i = 0; i < destination.Length; i += Chunk)
        {
            var u1 = ToUniform(Next(ref s0, ref s1, ref s2, ref s3));
            var u2 = ToUniform(Next(ref s0, ref s1, ref s2, ref s3));
            var (sin, cos) = BoxMuller(u1, u2, out var radius);
            (radius * cos).StoreUnsafe(ref d, (nuint)i);
            (radius * sin).StoreUnsafe(ref d, (nuint)(i + Lanes));
        }
        Store512(s0, s1, s2, s3);
    }

    private (Vector512<ulong>, Vector512<ulong>, Vector512<ulong>, Vector512<ulong>) Load512()
    {
        ref ulong s = ref _state[0];
        return (Vector512.LoadUnsafe(ref s, 0), Vector512.LoadUnsafe(ref s, Lanes),
                Vector512.LoadUnsafe(ref s, 2 * Lanes), Vector512.LoadUnsafe(ref s, 3 * Lanes));
    }

    private void Store512(Vector512<ulong> s0, Vector512<ulong> s1, Vector512<ulong> s2, Vector512<ulong> s3)
    {
        ref ulong s = ref _state[0];
        s0.StoreUnsafe(ref s, 0);
        s1.StoreUnsafe(ref s, Lanes);
        s2.StoreUnsafe(ref s, 2 * Lanes);
        s3.StoreUnsafe(ref s, 3 * Lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Next(ref Vector512<ulong> s0, ref Vector512<ulong> s1, ref Vector512<ulong> s2, ref Vector512<ulong> s3)
    {
        var result = s0 + s3;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >> 19);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ToUniform(Vector512<ulong> bits) =>
        Vector512.FusedMultiplyAdd(Vector512.ConvertToDouble(bits >> 11), Vector512.Create(Scale), Vector512.Create(HalfUlp));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Sin, Vector512<double> Cos) BoxMuller(Vector512<double> u1, Vector512<double> u2, out Vector512<double> radius)
    {
        radius = Vector512.Sqrt(Vector512.Create(-2.0) * Vector512.Log(u1));
        return Vector512.SinCos(u2 * Vector512.Create(2 * Math.PI));
    }

    // ---- 256-bit tier: lanes 0-3 and 4-7 as two vectors -------------------------------------

    private void FillUniforms256(Span<double> destination)
    {
        ref double d = ref destination[0];
        for (int half = 0; half < 2; half++)
        {
            var (s0, s1, s2, s3) = Load256(half);
            for (int i = half * 4; i < destination.Length; i += Lanes)
                ToUniform(Next(ref s0, ref s1, ref s2, ref s3)).StoreUnsafe(ref d, (nuint)i);
            Store256(half, s0, s1, s2, s3);
        }
    }

    private void FillNormals256(Span<double> destination)
    {
        ref double d = ref destination[0];
        for (int half = 0; half < 2; half++)
        {
            var (s0, s1, s2, s3) = Load256(half);
            for (int i = half * 4; i < destination.Length; i += Chunk)
            {
                var u1 = ToUniform(Next(ref s0, ref s1, ref s2, ref s3));
                var u2 = ToUniform(Next(ref s0, ref s1, ref s2, ref s3));
                var radius = Vector256.Sqrt(Vector256.Create(-2.0) * Vector256.Log(u1));
                var (sin, cos) = Vector256.SinCos(u2 * Vector256.Create(2 * Math.PI));
                (radius * cos).StoreUnsafe(ref d, (nuint)i);
                (radius * sin).StoreUnsafe(ref d, (nuint)(i + Lanes));
            }
            Store256(half, s0, s1, s2, s3);
        }
    }

    private (Vector256<ulong>, Vector256<ulong>, Vector256<ulong>, Vector256<ulong>) Load256(int half)
    {
        ref ulong s = ref _state[0];
        nuint o = (nuint)(half * 4);
        return (Vector256.LoadUnsafe(ref s, o), Vector256.LoadUnsafe(ref s, o + Lanes),
                Vector256.LoadUnsafe(ref s, o + 2 * Lanes), Vector256.LoadUnsafe(ref s, o + 3 * Lanes));
    }

    private void Store256(int half, Vector256<ulong> s0, Vector256<ulong> s1, Vector256<ulong> s2, Vector256<ulong> s3)
    {
        ref ulong s = ref _state[0];
        nuint o = (nuint)(half * 4);
        s0.StoreUnsafe(ref s, o);
        s1.StoreUnsafe(ref s, o + Lanes);
        s2.StoreUnsafe(ref s, o + 2 * Lanes);
        s3.StoreUnsafe(ref s, o + 3 * Lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Next(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        var result = s0 + s3;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >> 19);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ToUniform(Vector256<ulong> bits) =>
        Vector256.FusedMultiplyAdd(Vector256.ConvertToDouble(bits >> 11), Vector256.Create(Scale), Vector256.Create(HalfUlp));

    // ---- scalar tier: the reference definition of the stream ---------------------------------

    private void FillUniformsScalar(Span<double> destination)
    {
        for (int lane = 0; lane < Lanes; lane++)
            for (int i = lane; i < destination.Length; i += Lanes)
                destination[i] = ToUniform(NextScalar(lane));
    }

    private void FillNormalsScalar(Span<double> destination)
    {
        for (int lane = 0; lane < Lanes; lane++)
        {
            for (int i = lane; i < destination.Length; i += Chunk)
            {
                double u1 = ToUniform(NextScalar(lane));
                double u2 = ToUniform(NextScalar(lane));
                double radius = Math.Sqrt(-2.0 * Math.Log(u1));
                var (sin, cos) = Math.SinCos(u2 * (2 * Math.PI));
                destination[i] = radius * cos;
                destination[i + Lanes] = radius * sin;
            }
        }
    }

    private ulong NextScalar(int lane)
    {
        ref ulong s0 = ref _state[lane];
        ref ulong s1 = ref _state[Lanes + lane];
        ref ulong s2 = ref _state[2 * Lanes + lane];
        ref ulong s3 = ref _state[3 * Lanes + lane];
        ulong result = s0 + s3;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >> 19);
        return result;
    }

    private static double ToUniform(ulong bits) => Math.FusedMultiplyAdd((double)(bits >> 11), Scale, HalfUlp);
}

using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Simd;
using ILGPU;

namespace CarbonDerivatives.Gpu;

/// <summary>The scalars of one launch of <see cref="PathKernel"/>.</summary>
internal struct PathKernelParameters
{
    public ulong SeedTag;       // seed ^ stream tag, as BlockRandomStream.Reset keys the lanes
    public long FirstBlock;
    public int Blocks;
    public int Steps;
    public int DrawsPerBlock;   // fresh draws per row; with antithetic variates the rest of the block is their mirrors
    public int StateRows;
    public int Kind;            // StepKind
    public int Jumps;           // 1 when the stepper draws a uniform (jump count and size) every step
    public double InitialLogPrice;
    public double JumpMean;
    public double JumpVolatility;
}

/// <summary>
/// Simulates the paths of a range of blocks: one thread per (block, generator lane). The engine's streams fix eight
/// xoshiro256+ generators per block (<c>BlockRandomStream</c>), lane l drawing the elements l, l + 8, l + 16, … of
/// every row a step fills, so a thread owns the 128 paths l + 8j of its block and walks its generator through the
/// same sequence the CPU does: per step the Brownian row, then the uniform row, each fresh part then mirrored.
/// Normals are Box–Muller on the engine's <see cref="ElementaryFunctions"/>; jumps go through the engine's own
/// <see cref="PoissonThresholds.AddJumps"/>. The model step repeats the CPU's fused multiply-adds operand for
/// operand (<c>AffineLogStep</c>, <c>DriverStep</c>), so on an accelerator
/// with IEEE double arithmetic the paths are the CPU's bit for bit. Output: for each step and block, the prices
/// of the block's paths and <see cref="PathKernelParameters.StateRows"/> rows of state.
/// </summary>
internal static class PathKernel
{
    /// <summary>Paths a thread owns (block size / lanes).</summary>
    public const int PathsPerThread = SimulationPlan.BlockSize / Lanes;

    /// <summary>Generators per block.</summary>
    public const int Lanes = 8;

    /// <summary>Rows of random numbers a step draws at most: Brownian, uniforms.</summary>
    public const int RandomRows = 2;

    /// <summary>The kernel; <paramref name="scratch"/> holds <see cref="RandomRows"/> × <see cref="PathsPerThread"/> doubles per thread.</summary>
    public static void Simulate<TFma>(Index1D thread, PathKernelParameters p, ArrayView<double> coefficients, ArrayView<int> tableOffsets,
        ArrayView<double> table, ArrayView<double> scratch, ArrayView<double> prices, ArrayView<double> states)
        where TFma : struct, IFusedMultiplyAdd
    {
        int index = thread, blockInRange = index / Lanes, lane = index % Lanes;
        if (blockInRange >= p.Blocks) return;
        long block = p.FirstBlock + blockInRange;
        ulong key = SplitMix64.Key(p.SeedTag, (ulong)block, (ulong)lane);
        ulong s0 = SplitMix64.At(key, 0), s1 = SplitMix64.At(key, 1), s2 = SplitMix64.At(key, 2), s3 = SplitMix64.At(key, 3);
        long rows = (long)index * RandomRows * PathsPerThread;
        long brownian = rows, uniforms = rows + PathsPerThread;
        int fresh = p.DrawsPerBlock / Lanes; // fresh slots of this thread per row
        int b = SimulationPlan.BlockSize;
        for (int step = 0; step < p.Steps; step++)
        {
            FillNormals<TFma>(scratch, brownian, fresh, ref s0, ref s1, ref s2, ref s3);
            if (p.Jumps != 0) FillUniforms<TFma>(scratch, uniforms, fresh, ref s0, ref s1, ref s2, ref s3);
            int tableStart = tableOffsets[step], tableEnd = tableOffsets[step + 1];
            double c0 = coefficients[DeviceModel.PerStep * step], c1 = coefficients[DeviceModel.PerStep * step + 1],
                c2 = coefficients[DeviceModel.PerStep * step + 2];
            long here = ((long)step * p.Blocks + blockInRange) * p.StateRows * b, before = here - (long)p.Blocks * p.StateRows * b;
            long priceRow = ((long)step * p.Blocks + blockInRange) * b;
            for (int j = 0; j < PathsPerThread; j++)
            {
                int path = lane + Lanes * j;
                double z = scratch[brownian + j];
                // A step with no CDF thresholds draws its uniforms but applies no jump (as the CPU skips it).
                bool jumpStep = p.Jumps != 0 && tableEnd > tableStart;
                double count = 0, uniform = 0, lower = 0, upper = 0;
                if (jumpStep)
                {
                    // PoissonThresholds.Count: N = #{k : u > F(k)} and the interval (F(N − 1), F(N)] holding u.
                    uniform = scratch[uniforms + j];
                    upper = table[tableStart];
                    for (int t = tableStart; t < tableEnd && uniform > table[t]; t++)
                    {
                        count += 1;
                        lower = table[t];
                        upper = t + 1 < tableEnd ? table[t + 1] : 1.0;
                    }
                }
                if (p.Kind == (int)StepKind.AffineLog)
                {
                    double x = step == 0 ? p.InitialLogPrice : states[before + path];
                    x = TFma.Apply(x, c0, TFma.Apply(z, c2, c1));
                    if (jumpStep) x = Jump<TFma>(x, count, uniform, lower, upper, p);
                    states[here + path] = x;
                    prices[priceRow + path] = ElementaryFunctions.Exp(new KernelDouble<TFma>(x)).Value;
                }
                else if (p.Kind == (int)StepKind.LocalVolatility)
                {
                    // LocalVolatilityStepper.Step and its Variance, operation for operation.
                    double x = step == 0 ? p.InitialLogPrice : states[before + path];
                    double u = (x - c0) / c1, variance;
                    int last = tableEnd - tableStart - 1;
                    if (!(u > 0)) variance = table[tableStart];
                    else if (u >= last) variance = table[tableEnd - 1];
                    else
                    {
                        int node = (int)u;
                        double weight = u - node, left = table[tableStart + node];
                        variance = left + weight * (table[tableStart + node + 1] - left);
                    }
                    x += TFma.Apply(Math.Sqrt(variance), z, -0.5 * variance);
                    states[here + path] = x;
                    prices[priceRow + path] = ElementaryFunctions.Exp(new KernelDouble<TFma>(x)).Value;
                }
                else
                {
                    double w = step == 0 ? 0.0 : states[before + path], jump = step == 0 ? 0.0 : states[before + b + path];
                    w = TFma.Apply(z, c0, w);
                    jump += -c1;
                    if (jumpStep) jump = Jump<TFma>(jump, count, uniform, lower, upper, p);
                    states[here + path] = w;
                    states[here + b + path] = jump;
                    prices[priceRow + path] = w;
                }
            }
        }
    }

    /// <summary>x plus N log-jumps sized from the same uniform, as the CPU adds them.</summary>
    private static double Jump<TFma>(double x, double count, double u, double lower, double upper, PathKernelParameters p)
        where TFma : struct, IFusedMultiplyAdd =>
        PoissonThresholds.AddJumps(new KernelDouble<TFma>(x), new KernelDouble<TFma>(count), new KernelDouble<TFma>(u),
            new KernelDouble<TFma>(lower), new KernelDouble<TFma>(upper), p.JumpMean, p.JumpVolatility).Value;

    /// <summary>
    /// This lane's part of one row of normals: Box–Muller pair k fills slots 2k (cosine) and 2k + 1 (sine), which are
    /// the block elements l + 16k and l + 8 + 16k; the mirrors −z follow the fresh slots.
    /// </summary>
    private static void FillNormals<TFma>(ArrayView<double> scratch, long row, int fresh, ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
        where TFma : struct, IFusedMultiplyAdd
    {
        for (int k = 0; 2 * k < fresh; k++)
        {
            var u1 = Uniform<TFma>(Next(ref s0, ref s1, ref s2, ref s3));
            var u2 = Uniform<TFma>(Next(ref s0, ref s1, ref s2, ref s3));
            var radius = KernelDouble<TFma>.Sqrt(KernelDouble<TFma>.Broadcast(-2.0) * ElementaryFunctions.LogOfPositiveNormal(u1)); // as BlockRandomStream: u1 ≥ 2⁻⁵⁴
            var (sin, cos) = ElementaryFunctions.SinCosOfTurns(u2);
            scratch[row + 2 * k] = (radius * cos).Value;
            scratch[row + 2 * k + 1] = (radius * sin).Value;
        }
        for (int j = fresh; j < PathsPerThread; j++) scratch[row + j] = -scratch[row + j - fresh];
    }

    /// <summary>This lane's part of one row of uniforms (slot k is element l + 8k), then the mirrors 1 − u.</summary>
    private static void FillUniforms<TFma>(ArrayView<double> scratch, long row, int fresh, ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
        where TFma : struct, IFusedMultiplyAdd
    {
        for (int k = 0; k < fresh; k++) scratch[row + k] = Uniform<TFma>(Next(ref s0, ref s1, ref s2, ref s3)).Value;
        for (int j = fresh; j < PathsPerThread; j++) scratch[row + j] = 1.0 - scratch[row + j - fresh];
    }

    /// <summary>(bits &gt;&gt; 11)·2⁻⁵³ + 2⁻⁵⁴, as <c>ISimdUInt64.ToUniform</c>.</summary>
    private static KernelDouble<TFma> Uniform<TFma>(ulong bits) where TFma : struct, IFusedMultiplyAdd =>
        new(TFma.Apply(bits >> 11, UniformBits.Scale, UniformBits.HalfUlp));

    /// <summary>One xoshiro256+ step, as <c>BlockRandomStream</c>'s.</summary>
    private static ulong Next(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        ulong result = s0 + s3, t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >> 19);
        return result;
    }
}

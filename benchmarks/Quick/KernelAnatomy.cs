using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// What one GBM path-step costs, piece by piece, on one block of 1,024 paths and one core: the normals alone (the
/// engine's Box–Muller, and beside it the uniforms through the vectorised inverse CDF, the alternative the engine did
/// not choose), the exp alone, and the step as the engine runs it (draw a block of normals, then step). Each figure is the median of interleaved rounds, so the ratios come from the same minutes of the machine;
/// cycles are at the nominal clock read from /proc/cpuinfo (turbo not counted).
/// </summary>
public static class KernelAnatomy
{
    private const int Rounds = 7, Repeats = 4_000, Block = SimulationPlan.BlockSize;

    public static void Run(Dictionary<string, double> figures)
    {
        var random = new BlockRandomStream();
        random.Reset(1, 0);
        var normals = new double[Block];
        var state = new double[Block];
        var price = new double[Block];
        var logs = Enumerable.Range(0, Block).Select(i => Math.Log(80) + 0.01 * (i % 50 - 25)).ToArray();
        var stepper = new Black76Model(80, 0.45).Prepare(TimeGrid.Uniform(1, 252));
        stepper.Initialize(state);

        (string Key, string Name, Action Body)[] pieces =
        [
            ("normals", "normals (xoshiro256+, Box-Muller)", () => random.FillNormals(normals)),
            ("inverse_cdf_normals", "normals by inverse CDF (uniforms, AS 241)", () =>
            {
                random.FillUniforms(normals);
                var inverse = new InverseCdf { Values = normals };
                SimdLoop.Run(ref inverse, normals.Length);
            }),
            ("exp", "exp", () => SimdMath.Exp(logs, price)),
            ("gbm_step", "GBM step (draw the block's normals, then step)", () =>
            {
                random.FillNormals(normals);
                stepper.Step(0, state, price, new StepRandoms(normals, []));
            }),
            ("gbm_step_fused", "GBM step, normals in registers (fused)", () =>
            {
                var step = new FusedBlackStep { State = state, Price = price, Drift = -0.5 * 0.45 * 0.45 / 252, Scale = 0.45 / Math.Sqrt(252) };
                random.DrawNormals(Block, ref step);
            }),
        ];
        var seconds = pieces.Select(_ => new List<double>()).ToArray();
        for (int round = -1; round < Rounds; round++) // round -1 warms the JIT up
            for (int p = 0; p < pieces.Length; p++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                for (int r = 0; r < Repeats; r++) pieces[p].Body();
                if (round >= 0) seconds[p].Add(clock.Elapsed.TotalSeconds);
            }
        double gigahertz = NominalGigahertz();
        Console.WriteLine($"Kernel anatomy, one block of {Block:N0} paths, 1 core (median of {Rounds} interleaved rounds; cycles at {gigahertz:F2} GHz nominal):");
        figures["nominal_clock_ghz"] = gigahertz;
        for (int p = 0; p < pieces.Length; p++)
        {
            double nanoseconds = Median(seconds[p]) / ((double)Repeats * Block) * 1e9;
            figures[$"anatomy_{pieces[p].Key}_ns_per_element"] = nanoseconds;
            figures[$"anatomy_{pieces[p].Key}_cycles_per_element"] = nanoseconds * gigahertz;
            Console.WriteLine($"  {pieces[p].Name,-44} {nanoseconds,7:F3} ns  {nanoseconds * gigahertz,6:F2} cycles per element  {1e3 / nanoseconds,8:F1} M/s");
        }
    }

    /// <summary>The Black-76 log step x' = x + b + c·z with the normal straight from the generator, then S = exp(x').</summary>
    private ref struct FusedBlackStep : INormalConsumer
    {
        public Span<double> State, Price;
        public double Drift, Scale;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Take<TDouble>(TDouble normals, int index) where TDouble : struct, ISimdDouble<TDouble>
        {
            var x = TDouble.Load(State, index) + TDouble.MultiplyAdd(normals, TDouble.Broadcast(Scale), TDouble.Broadcast(Drift));
            x.Store(State, index);
            ElementaryFunctions.Exp(x).Store(Price, index);
        }
    }

    /// <summary>Φ⁻¹ in place, on the widest tier (the kernel the Merton step sizes its jumps with).</summary>
    private ref struct InverseCdf : ISimdKernel
    {
        public Span<double> Values;

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count) InverseNormalCdf.Inverse(TVec.Load(Values, i)).Store(Values, i);
            return i;
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>The "cpu MHz" of /proc/cpuinfo (the TSC rate on a VM), or NaN where there is none.</summary>
    private static double NominalGigahertz()
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path)) return double.NaN;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[(line.IndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) / 1e3;
    }
}

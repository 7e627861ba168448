using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Simulation;

namespace CarbonDerivatives.Engine.Risk;

/// <summary>
/// One Monte Carlo pass for all option positions on one underlying. Paths of the underlying's driver
/// — a standard Brownian motion W and, under Merton, the compensated compound-Poisson log-jump sum J —
/// are sampled exactly at every option expiry T and at T − δ, block by block (1,024 paths: 512 fresh
/// draws and their antithetic mirrors) from <see cref="BlockRandomStream"/> keyed by (seed, underlying,
/// block). Each option then reads its own futures price off the shared path,
/// ln F_T = ln F_0 + σW_T − σ²T/2 + J_T, with its own forward and vol (all deliveries perfectly
/// correlated), and accumulates per path: the discounted payoff, pathwise delta ω1{ITM}F_T/F_0 and vega
/// ω1{ITM}F_T(W_T − σT), likelihood-ratio gamma ω1{ITM}F_T(W_T/(σT) − 1)/F_0² (LR weight on the pathwise
/// delta; Glasserman 2004, §7.3), pathwise rho −T·V, and central CRN bumps of F (delta, gamma), σ (vega)
/// and T (theta, the path read δ earlier). Per-path sums by bucket give honest SEs of the aggregates.
/// Block results are merged in block order: the same bits for any number of threads.
/// </summary>
internal sealed class SharedPathValuation
{
    /// <summary>Per-path outputs, in this order.</summary>
    internal const int Price = 0, DeltaPathwise = 1, GammaLikelihoodRatio = 2, VegaPathwise = 3, RhoPathwise = 4,
        DeltaCrn = 5, GammaCrn = 6, VegaCrn = 7, ThetaCrn = 8, Outputs = 9;

    private const int Block = SimulationPlan.BlockSize, Half = Block / 2;

    private readonly ResolvedPosition[] _positions;
    private readonly int[] _expiryIndex, _earlierIndex, _bucketOf;
    private readonly double[] _earlierTime;
    private readonly int _buckets;
    private readonly double[] _sqrtDt, _compensatorDt;
    private readonly double[][] _jumpCdf;
    private readonly LogNormalJumps? _jumps;
    private readonly RiskSettings _settings;
    private readonly ulong _streamTag;
    private readonly long _pairs;

    /// <param name="underlying">Allowance code; tags the random stream.</param>
    /// <param name="positions">Options with time value on this underlying.</param>
    /// <param name="bucketOf">Bucket index of each position (0 .. buckets − 2).</param>
    /// <param name="buckets">Number of buckets whose per-path sums are kept; the last holds every position.</param>
    /// <param name="jumps">Jump component, or null for Black-76.</param>
    /// <param name="settings">Paths, seed, bumps.</param>
    public SharedPathValuation(string underlying, IReadOnlyList<ResolvedPosition> positions, int[] bucketOf, int buckets,
        LogNormalJumps? jumps, RiskSettings settings)
    {
        _positions = positions.ToArray();
        _bucketOf = bucketOf;
        _buckets = buckets;
        _jumps = jumps;
        _settings = settings;
        _streamTag = StreamTag(underlying);
        _pairs = settings.Paths / 2;

        double delta = settings.ThetaDays / 365.0;
        var times = new SortedSet<double>();
        _earlierTime = new double[_positions.Length];
        foreach (var (p, i) in _positions.Select((p, i) => (p, i)))
        {
            double expiry = p.Option!.Expiry;
            times.Add(expiry);
            _earlierTime[i] = Math.Max(expiry - delta, 0);
            if (_earlierTime[i] > 0) times.Add(_earlierTime[i]);
        }
        Times = times.ToArray();
        _expiryIndex = _positions.Select(p => Array.BinarySearch(Times, p.Option!.Expiry)).ToArray();
        _earlierIndex = _earlierTime.Select(t => t > 0 ? Array.BinarySearch(Times, t) : -1).ToArray();

        _sqrtDt = new double[Times.Length];
        _compensatorDt = new double[Times.Length];
        _jumpCdf = new double[Times.Length][];
        for (int k = 0; k < Times.Length; k++)
        {
            double dt = Times[k] - (k == 0 ? 0 : Times[k - 1]);
            _sqrtDt[k] = Math.Sqrt(dt);
            _compensatorDt[k] = jumps is null ? 0 : jumps.Intensity * jumps.MeanRelativeJump * dt;
            _jumpCdf[k] = jumps is null ? [] : PoissonThresholds.Cdf(jumps.Intensity * dt);
        }
    }

    /// <summary>Observation times in years, increasing.</summary>
    public double[] Times { get; }

    /// <summary>Paths simulated, mirrors included.</summary>
    public long Paths => 2 * _pairs;

    /// <summary>
    /// Runs the pass. Returns moments per (position, output) — index position·Outputs + output — and per
    /// (bucket, output) after them; values per tonne of each position are scaled by its quantity, bucket
    /// sums also by its FX rate.
    /// </summary>
    public SampleMoments[] Run(Action blockDone, CancellationToken cancellation)
    {
        long blocks = (_pairs + Half - 1) / Half;
        int cells = (_positions.Length + _buckets) * Outputs;
        var perBlock = new SampleMoments[blocks][];
        long next = -1;
        int workers = (int)Math.Min(_settings.MaxDegreeOfParallelism ?? Environment.ProcessorCount, blocks);
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellation }, _ =>
            {
                var worker = new Worker(this);
                for (long b = Interlocked.Increment(ref next); b < blocks; b = Interlocked.Increment(ref next))
                {
                    cancellation.ThrowIfCancellationRequested();
                    perBlock[b] = worker.Run(b, (int)Math.Min(Half, _pairs - b * Half));
                    blockDone();
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException("The risk simulation was cancelled.", e, cancellation);
        }

        var total = new SampleMoments[cells];
        foreach (var block in perBlock)
            for (int c = 0; c < cells; c++) total[c] = total[c].Merge(block[c]);
        return total;
    }

    /// <summary>A stable 64-bit tag of the underlying code (FNV-1a), so each underlying has its own stream.</summary>
    private static ulong StreamTag(string code)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char ch in code) hash = (hash ^ ch) * 1099511628211UL;
        return hash;
    }

    /// <summary>One thread's buffers; not thread-safe.</summary>
    private sealed class Worker(SharedPathValuation owner)
    {
        private readonly BlockRandomStream _random = new();
        private readonly double[] _w = new double[owner.Times.Length * Block];
        private readonly double[] _j = new double[owner.Times.Length * Block];
        private readonly double[] _zero = new double[Block];
        private readonly double[] _normals = new double[Half], _uniforms = new double[Half], _jumpNormals = new double[Half];
        private readonly double[] _values = new double[Outputs * Block];
        private readonly double[] _bucketSums = new double[owner._buckets * Outputs * Half];
        private readonly double[] _scratch = new double[Half];

        public SampleMoments[] Run(long block, int samples)
        {
            Generate(block);
            var moments = new SampleMoments[(owner._positions.Length + owner._buckets) * Outputs];
            Array.Clear(_bucketSums);
            for (int p = 0; p < owner._positions.Length; p++)
            {
                var position = owner._positions[p];
                int k = owner._expiryIndex[p], e = owner._earlierIndex[p];
                Evaluate(position, owner._earlierTime[p], Row(_w, k), Row(_j, k), e < 0 ? _zero : Row(_w, e), e < 0 ? _zero : Row(_j, e));
                double toBucket = position.Quantity * position.Fx;
                int bucket = owner._bucketOf[p];
                for (int o = 0; o < Outputs; o++)
                {
                    var pairMeans = _values.AsSpan(o * Block, samples);
                    TensorPrimitives.Add(pairMeans, _values.AsSpan(o * Block + Half, samples), pairMeans);
                    TensorPrimitives.Multiply(pairMeans, 0.5, pairMeans);
                    moments[p * Outputs + o] = Moments(pairMeans, position.Quantity);
                    var sum = _bucketSums.AsSpan((bucket * Outputs + o) * Half, samples);
                    TensorPrimitives.MultiplyAdd(pairMeans, toBucket, sum, sum);
                    var all = _bucketSums.AsSpan(((owner._buckets - 1) * Outputs + o) * Half, samples);
                    TensorPrimitives.MultiplyAdd(pairMeans, toBucket, all, all);
                }
            }
            for (int c = 0; c < owner._buckets * Outputs; c++)
                moments[owner._positions.Length * Outputs + c] = Moments(_bucketSums.AsSpan(c * Half, samples), 1.0);
            return moments;
        }

        private ReadOnlySpan<double> Row(double[] rows, int k) => rows.AsSpan(k * Block, Block);

        /// <summary>Moments of <paramref name="scale"/>·values: mean and centred sum of squares, two passes.</summary>
        private SampleMoments Moments(ReadOnlySpan<double> values, double scale)
        {
            double mean = TensorPrimitives.Sum(values) / values.Length;
            var centred = _scratch.AsSpan(0, values.Length);
            TensorPrimitives.Subtract(values, mean, centred);
            double m2 = TensorPrimitives.SumOfSquares(centred);
            return new SampleMoments(values.Length, mean * scale, 0, m2 * scale * scale, 0, 0);
        }

        /// <summary>W and J at every observation time for the block's 512 fresh paths and their mirrors.</summary>
        private void Generate(long block)
        {
            _random.Reset(owner._settings.Seed, block, owner._streamTag);
            var jumps = owner._jumps;
            for (int k = 0; k < owner.Times.Length; k++)
            {
                var w = _w.AsSpan(k * Block, Block);
                var j = _j.AsSpan(k * Block, Block);
                ReadOnlySpan<double> wPrev = k == 0 ? _zero : _w.AsSpan((k - 1) * Block, Block);
                ReadOnlySpan<double> jPrev = k == 0 ? _zero : _j.AsSpan((k - 1) * Block, Block);
                _random.FillNormals(_normals);
                TensorPrimitives.MultiplyAdd(_normals, owner._sqrtDt[k], wPrev[..Half], w[..Half]);
                TensorPrimitives.MultiplyAdd(_normals, -owner._sqrtDt[k], wPrev[Half..], w[Half..]);
                if (jumps is null)
                {
                    j.Clear();
                    continue;
                }
                _random.FillUniforms(_uniforms);
                _random.FillNormals(_jumpNormals);
                var cdf = owner._jumpCdf[k];
                for (int i = 0; i < Half; i++)
                {
                    j[i] = jPrev[i] + JumpSum(cdf, _uniforms[i], _jumpNormals[i], jumps) - owner._compensatorDt[k];
                    j[Half + i] = jPrev[Half + i] + JumpSum(cdf, 1 - _uniforms[i], -_jumpNormals[i], jumps) - owner._compensatorDt[k];
                }
            }
        }

        /// <summary>Sum of N log-jumps, N ~ Poisson by inversion of <paramref name="uniform"/>: N·μ + √N·σ·z.</summary>
        private static double JumpSum(double[] cdf, double uniform, double normal, LogNormalJumps jumps)
        {
            int count = 0;
            while (count < cdf.Length && uniform > cdf[count]) count++;
            return count == 0 ? 0 : count * jumps.MeanLogJump + Math.Sqrt(count) * jumps.LogJumpVolatility * normal;
        }

        /// <summary>The nine per-path outputs of one option per tonne, into <see cref="_values"/> (output-major).</summary>
        private void Evaluate(ResolvedPosition position, double earlierTime, ReadOnlySpan<double> w, ReadOnlySpan<double> j,
            ReadOnlySpan<double> wEarlier, ReadOnlySpan<double> jEarlier)
        {
            var o = position.Option!;
            var settings = owner._settings;
            double omega = o.Type == Products.OptionType.Call ? 1.0 : -1.0;
            double f0 = o.Forward, strike = o.Strike, sigma = o.Volatility, t = o.Expiry, df = o.DiscountFactor;
            double h = settings.RelativePriceBump, dSigma = settings.VolBump;
            double dfEarlier = Math.Pow(df, earlierTime / t), dtTheta = t - earlierTime;

            var vSigma = new Vector<double>(sigma);
            var vDrift = new Vector<double>(-0.5 * sigma * sigma * t);
            var vDriftEarlier = new Vector<double>(-0.5 * sigma * sigma * earlierTime);
            var vF0 = new Vector<double>(f0);
            var vOmega = new Vector<double>(omega);
            var vOmegaK = new Vector<double>(omega * strike);
            var vDf = new Vector<double>(df);
            var vDfEarlier = new Vector<double>(dfEarlier);
            var vSigmaT = new Vector<double>(sigma * t);
            var vInvSigmaT = new Vector<double>(1 / (sigma * t));
            var vDeltaScale = new Vector<double>(df * omega / f0);
            var vUp = new Vector<double>(1 + h);
            var vDown = new Vector<double>(1 - h);
            var vDSigma = new Vector<double>(dSigma);
            var vVolBumpDrift = new Vector<double>(-0.5 * dSigma * dSigma * t);
            var one = Vector<double>.One;
            var zero = Vector<double>.Zero;
            double invTwoHF = 1 / (2 * h * f0), invHF2 = 1 / (h * f0 * h * f0), invTwoDSigma = 1 / (2 * dSigma);

            var values = _values.AsSpan();
            for (int i = 0; i < Block; i += Vector<double>.Count)
            {
                var wi = new Vector<double>(w[i..]);
                var f = vF0 * Vector.Exp(vSigma * wi + vDrift + new Vector<double>(j[i..]));
                var intrinsic = vOmega * f - vOmegaK;
                var price = vDf * Vector.Max(intrinsic, zero);
                var itm = Vector.ConditionalSelect(Vector.GreaterThan(intrinsic, zero), one, zero);
                var deltaPathwise = vDeltaScale * itm * f;
                var exposure = wi - vSigmaT;
                var up = vDf * Vector.Max(vOmega * f * vUp - vOmegaK, zero);
                var down = vDf * Vector.Max(vOmega * f * vDown - vOmegaK, zero);
                var volUp = f * Vector.Exp(vDSigma * exposure + vVolBumpDrift);
                var volDown = f * Vector.Exp(-vDSigma * exposure + vVolBumpDrift);
                var earlier = vF0 * Vector.Exp(vSigma * new Vector<double>(wEarlier[i..]) + vDriftEarlier + new Vector<double>(jEarlier[i..]));
                var earlierPrice = vDfEarlier * Vector.Max(vOmega * earlier - vOmegaK, zero);

                price.CopyTo(values[(Price * Block + i)..]);
                deltaPathwise.CopyTo(values[(DeltaPathwise * Block + i)..]);
                (deltaPathwise * (wi * vInvSigmaT - one) / vF0).CopyTo(values[(GammaLikelihoodRatio * Block + i)..]);
                (vDf * vOmega * itm * f * exposure).CopyTo(values[(VegaPathwise * Block + i)..]);
                (price * -t).CopyTo(values[(RhoPathwise * Block + i)..]);
                ((up - down) * invTwoHF).CopyTo(values[(DeltaCrn * Block + i)..]);
                ((up - price - price + down) * invHF2).CopyTo(values[(GammaCrn * Block + i)..]);
                (vDf * (Vector.Max(vOmega * volUp - vOmegaK, zero) - Vector.Max(vOmega * volDown - vOmegaK, zero)) * invTwoDSigma)
                    .CopyTo(values[(VegaCrn * Block + i)..]);
                ((earlierPrice - price) / dtTheta).CopyTo(values[(ThetaCrn * Block + i)..]);
            }
        }
    }
}

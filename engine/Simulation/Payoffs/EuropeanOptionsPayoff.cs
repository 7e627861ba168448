using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation.Payoffs;

/// <summary>Per-tonne terms of one European option read off a <see cref="Models.BrownianDriver"/>: all options of a group expire at the grid's end.</summary>
/// <param name="Type">Call or put.</param>
/// <param name="Strike">Strike per tonne.</param>
/// <param name="Forward">F(0) of the option's future.</param>
/// <param name="Volatility">Its diffusion vol σ (&gt; 0).</param>
/// <param name="DiscountFactor">Discount factor to expiry.</param>
internal readonly record struct DriverOption(OptionType Type, double Strike, double Forward, double Volatility, double DiscountFactor);

/// <summary>The outputs of each option of an <see cref="EuropeanOptionsPayoff"/>, per tonne, discounted (option i's output o is i·Count + o).</summary>
internal static class EuropeanOutput
{
    /// <summary>DF·max(ω(F_T − K), 0).</summary>
    public const int Price = 0;
    /// <summary>Pathwise delta DF·ω·1{ITM}·F_T/F_0 (Glasserman 2004, §7.2).</summary>
    public const int DeltaPathwise = 1;
    /// <summary>Likelihood-ratio gamma on the pathwise delta: DF·ω·1{ITM}·F_T·(W_T/(σT) − 1)/F_0² (§7.3).</summary>
    public const int GammaLikelihoodRatio = 2;
    /// <summary>Pathwise vega DF·ω·1{ITM}·F_T·(W_T − σT).</summary>
    public const int VegaPathwise = 3;
    /// <summary>Pathwise rho −T·price (the futures price held fixed).</summary>
    public const int RhoPathwise = 4;
    /// <summary>Central CRN difference of the price in F_0 (bump h): (V(F(1+h)) − V(F(1−h)))/(2hF_0).</summary>
    public const int DeltaCrn = 5;
    /// <summary>(V(F(1+h)) − 2V + V(F(1−h)))/(hF_0)².</summary>
    public const int GammaCrn = 6;
    /// <summary>Central CRN difference in σ (bump dσ) on the same W.</summary>
    public const int VegaCrn = 7;
    /// <summary>(V(T − δ) − V(T))/δ: the same path read δ earlier, discounted over the shorter time.</summary>
    public const int ThetaCrn = 8;
    /// <summary>F_T: the control variate, mean F_0.</summary>
    public const int Terminal = 9;
    /// <summary>Outputs per option.</summary>
    public const int Count = 10;
}

/// <summary>
/// European options of one expiry valued on the paths of a <see cref="DriverStepper"/>: each option reads its own
/// futures price off the shared driver, ln F_T = ln F_0 + σW_T − σ²T/2 + J_T, with its own forward and vol, and
/// writes its price, pathwise and likelihood-ratio Greeks and CRN bumps (<see cref="EuropeanOutput"/>). One option
/// alone is a single trade; many are a book's options of that expiry on one underlying — the same numbers either
/// way, since each option's outputs depend only on its own terms and the driver's paths. SIMD tiers as every kernel.
/// </summary>
internal sealed class EuropeanOptionsPayoff : IPathPayoff
{
    private readonly DriverOption[] _options;

    /// <param name="options">The options (σ &gt; 0).</param>
    /// <param name="expiry">T, the grid's last time.</param>
    /// <param name="earlierStep">The grid step ending at T − δ, or −1 when T − δ ≤ 0 (then the path is read at 0).</param>
    /// <param name="earlierTime">T − δ floored at 0.</param>
    /// <param name="relativePriceBump">h of the CRN delta and gamma.</param>
    /// <param name="volBump">dσ of the CRN vega.</param>
    public EuropeanOptionsPayoff(IReadOnlyList<DriverOption> options, double expiry, int earlierStep, double earlierTime, double relativePriceBump,
        double volBump)
    {
        _options = [.. options];
        Expiry = expiry;
        EarlierStep = earlierStep;
        EarlierTime = earlierTime;
        RelativePriceBump = relativePriceBump;
        VolBump = volBump;
    }

    public IReadOnlyList<DriverOption> Options => _options;
    public double Expiry { get; }
    public int EarlierStep { get; }
    public double EarlierTime { get; }
    public double RelativePriceBump { get; }
    public double VolBump { get; }

    public int Outputs => _options.Length * EuropeanOutput.Count;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) => new Accumulator(this, blockSize, stepper.ExpectedPrices.Length - 1);

    private sealed class Accumulator(EuropeanOptionsPayoff payoff, int blockSize, int lastStep) : IPayoffAccumulator, IStateObservingAccumulator
    {
        private readonly double[] _w = new double[blockSize], _j = new double[blockSize];
        private readonly double[] _wEarlier = new double[blockSize], _jEarlier = new double[blockSize];
        private readonly double[] _outputs = new double[EuropeanOutput.Count * blockSize];
        private readonly double[] _futures = new double[FuturesRows.Count * blockSize];

        public double KnownMean(int output) =>
            output % EuropeanOutput.Count == EuropeanOutput.Terminal ? payoff._options[output / EuropeanOutput.Count].Forward : double.NaN;

        public void Reset(long block)
        {
            Array.Clear(_wEarlier); // W(0) = J(0) = 0 when T − δ ≤ 0
            Array.Clear(_jEarlier);
        }

        public void Observe(int step, ReadOnlySpan<double> prices) { }

        public void ObserveState(int step, ReadOnlySpan<double> state)
        {
            if (step == payoff.EarlierStep)
            {
                state[..blockSize].CopyTo(_wEarlier);
                state.Slice(blockSize, blockSize).CopyTo(_jEarlier);
            }
            if (step == lastStep)
            {
                state[..blockSize].CopyTo(_w);
                state.Slice(blockSize, blockSize).CopyTo(_j);
            }
        }

        public void Complete(PathOutputs outputs)
        {
            for (int i = 0; i < payoff._options.Length; i++)
            {
                var option = payoff._options[i];
                // The futures prices depend on (F₀, σ) only: the options of one forward and vol (a flat smile, a strip of
                // strikes) share them, so their exponentials are taken once and each option reads them.
                if (i == 0 || option.Forward != payoff._options[i - 1].Forward || option.Volatility != payoff._options[i - 1].Volatility)
                {
                    var prices = new FuturesPrices(payoff, option, _w, _j, _wEarlier, _jEarlier, _futures, blockSize);
                    SimdLoop.Run(ref prices, blockSize);
                }
                var kernel = new EuropeanSensitivities(payoff, option, _w, _futures, _outputs, blockSize);
                SimdLoop.Run(ref kernel, blockSize);
                for (int o = 0; o < EuropeanOutput.Count; o++) outputs.Write(i * EuropeanOutput.Count + o, _outputs.AsSpan(o * blockSize, blockSize));
            }
        }
    }

    /// <summary>Rows of <see cref="FuturesPrices"/>: the futures price at T, at T with σ ± dσ, and at T − δ.</summary>
    private static class FuturesRows
    {
        public const int AtExpiry = 0, VolUp = 1, VolDown = 2, Earlier = 3, Count = 4;
    }

    /// <summary>An (F₀, σ)'s futures prices on a block's paths, row-major into <see cref="FuturesRows"/>.</summary>
    private ref struct FuturesPrices : ISimdKernel
    {
        private readonly ReadOnlySpan<double> _w, _j, _wEarlier, _jEarlier;
        private readonly Span<double> _rows;
        private readonly int _block;
        private readonly double _f0, _sigma, _drift, _driftEarlier, _sigmaT, _dSigma, _volBumpDrift;

        public FuturesPrices(EuropeanOptionsPayoff payoff, DriverOption o, ReadOnlySpan<double> w, ReadOnlySpan<double> j,
            ReadOnlySpan<double> wEarlier, ReadOnlySpan<double> jEarlier, Span<double> rows, int block)
        {
            _w = w;
            _j = j;
            _wEarlier = wEarlier;
            _jEarlier = jEarlier;
            _rows = rows;
            _block = block;
            double t = payoff.Expiry;
            _f0 = o.Forward;
            _sigma = o.Volatility;
            _drift = -0.5 * o.Volatility * o.Volatility * t;
            _driftEarlier = -0.5 * o.Volatility * o.Volatility * payoff.EarlierTime;
            _sigmaT = o.Volatility * t;
            _dSigma = payoff.VolBump;
            _volBumpDrift = -0.5 * payoff.VolBump * payoff.VolBump * t;
        }

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            var sigma = TVec.Broadcast(_sigma);
            var drift = TVec.Broadcast(_drift);
            var driftEarlier = TVec.Broadcast(_driftEarlier);
            var f0 = TVec.Broadcast(_f0);
            var sigmaT = TVec.Broadcast(_sigmaT);
            var dSigma = TVec.Broadcast(_dSigma);
            var minusDSigma = TVec.Broadcast(-_dSigma);
            var volBumpDrift = TVec.Broadcast(_volBumpDrift);
            int b = _block, i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var w = TVec.Load(_w, i);
                var f = f0 * ElementaryFunctions.Exp(TVec.MultiplyAdd(sigma, w, drift) + TVec.Load(_j, i));
                var exposure = w - sigmaT;
                f.Store(_rows, FuturesRows.AtExpiry * b + i);
                (f * ElementaryFunctions.Exp(TVec.MultiplyAdd(dSigma, exposure, volBumpDrift))).Store(_rows, FuturesRows.VolUp * b + i);
                (f * ElementaryFunctions.Exp(TVec.MultiplyAdd(minusDSigma, exposure, volBumpDrift))).Store(_rows, FuturesRows.VolDown * b + i);
                (f0 * ElementaryFunctions.Exp(TVec.MultiplyAdd(sigma, TVec.Load(_wEarlier, i), driftEarlier) + TVec.Load(_jEarlier, i)))
                    .Store(_rows, FuturesRows.Earlier * b + i);
            }
            return i;
        }
    }

    /// <summary>The ten outputs of one option over a block, output-major into <see cref="_outputs"/>, from its <see cref="FuturesPrices"/>.</summary>
    private ref struct EuropeanSensitivities : ISimdKernel
    {
        private readonly ReadOnlySpan<double> _w, _futures;
        private readonly Span<double> _outputs;
        private readonly int _block;
        private readonly double _omega, _omegaK, _df, _dfEarlier, _sigmaT, _invSigmaT, _deltaScale;
        private readonly double _invF0, _up, _down, _invTwoHF, _invHF2, _invTwoDSigma, _minusT, _invDtTheta;

        public EuropeanSensitivities(EuropeanOptionsPayoff payoff, DriverOption o, ReadOnlySpan<double> w, ReadOnlySpan<double> futures,
            Span<double> outputs, int block)
        {
            _w = w;
            _futures = futures;
            _outputs = outputs;
            _block = block;
            double t = payoff.Expiry, earlier = payoff.EarlierTime, h = payoff.RelativePriceBump;
            _omega = o.Type == OptionType.Call ? 1.0 : -1.0;
            _omegaK = _omega * o.Strike;
            _df = o.DiscountFactor;
            _dfEarlier = Math.Pow(o.DiscountFactor, earlier / t);
            _sigmaT = o.Volatility * t;
            _invSigmaT = 1 / (o.Volatility * t);
            _deltaScale = o.DiscountFactor * _omega / o.Forward;
            _invF0 = 1 / o.Forward;
            _up = 1 + h;
            _down = 1 - h;
            _invTwoHF = 1 / (2 * h * o.Forward);
            _invHF2 = 1 / (h * o.Forward * h * o.Forward);
            _invTwoDSigma = 1 / (2 * payoff.VolBump);
            _minusT = -t;
            _invDtTheta = 1 / (t - earlier);
        }

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            var omega = TVec.Broadcast(_omega);
            var omegaK = TVec.Broadcast(_omegaK);
            var df = TVec.Broadcast(_df);
            var dfEarlier = TVec.Broadcast(_dfEarlier);
            var sigmaT = TVec.Broadcast(_sigmaT);
            var invSigmaT = TVec.Broadcast(_invSigmaT);
            var deltaScale = TVec.Broadcast(_deltaScale);
            var invF0 = TVec.Broadcast(_invF0);
            var up = TVec.Broadcast(_up);
            var down = TVec.Broadcast(_down);
            var invTwoHF = TVec.Broadcast(_invTwoHF);
            var invHF2 = TVec.Broadcast(_invHF2);
            var invTwoDSigma = TVec.Broadcast(_invTwoDSigma);
            var minusT = TVec.Broadcast(_minusT);
            var invDtTheta = TVec.Broadcast(_invDtTheta);
            var one = TVec.Broadcast(1);
            var zero = TVec.Broadcast(0);
            var two = TVec.Broadcast(2);
            int b = _block, i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var w = TVec.Load(_w, i);
                var f = TVec.Load(_futures, FuturesRows.AtExpiry * b + i);
                var intrinsic = omega * f - omegaK;
                var price = df * TVec.Max(intrinsic, zero);
                var itm = TVec.OneWhereGreater(intrinsic, zero);
                var deltaPathwise = deltaScale * itm * f;
                var exposure = w - sigmaT;
                var priceUp = df * TVec.Max(omega * f * up - omegaK, zero);
                var priceDown = df * TVec.Max(omega * f * down - omegaK, zero);
                var volUp = TVec.Load(_futures, FuturesRows.VolUp * b + i);
                var volDown = TVec.Load(_futures, FuturesRows.VolDown * b + i);
                var earlier = TVec.Load(_futures, FuturesRows.Earlier * b + i);
                var earlierPrice = dfEarlier * TVec.Max(omega * earlier - omegaK, zero);

                price.Store(_outputs, EuropeanOutput.Price * b + i);
                deltaPathwise.Store(_outputs, EuropeanOutput.DeltaPathwise * b + i);
                (deltaPathwise * (w * invSigmaT - one) * invF0).Store(_outputs, EuropeanOutput.GammaLikelihoodRatio * b + i);
                (df * omega * itm * f * exposure).Store(_outputs, EuropeanOutput.VegaPathwise * b + i);
                (price * minusT).Store(_outputs, EuropeanOutput.RhoPathwise * b + i);
                ((priceUp - priceDown) * invTwoHF).Store(_outputs, EuropeanOutput.DeltaCrn * b + i);
                ((priceUp - two * price + priceDown) * invHF2).Store(_outputs, EuropeanOutput.GammaCrn * b + i);
                (df * (TVec.Max(omega * volUp - omegaK, zero) - TVec.Max(omega * volDown - omegaK, zero)) * invTwoDSigma)
                    .Store(_outputs, EuropeanOutput.VegaCrn * b + i);
                ((earlierPrice - price) * invDtTheta).Store(_outputs, EuropeanOutput.ThetaCrn * b + i);
                f.Store(_outputs, EuropeanOutput.Terminal * b + i);
            }
            return i;
        }
    }
}

using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation.Simd;

namespace CarbonDerivatives.Engine.Simulation.EarlyExercise;

/// <summary>
/// An early-exercise call or put priced with a fixed exercise rule: a path is exercised on the first
/// exercise date where its exercise value is positive and exceeds the fitted continuation value of
/// <see cref="ExerciseBoundary"/>, otherwise at expiry. Because the rule was fitted on other paths, the
/// mean is an unbiased estimate of a feasible strategy's value: a low-biased estimate of the American
/// price. Each path's cash flow is valued at expiry (times <c>growthToExpiry[j]</c>), so the caller
/// discounts once. Control variate: the terminal price, whose mean is known.
/// </summary>
internal sealed class LongstaffSchwartzPayoff(OptionType type, double strike, int[] exerciseOfStep, double[] growthToExpiry,
    ExerciseBoundary boundary) : IPathPayoff
{
    private readonly OptionType _type = type;
    private readonly double _strike = strike;
    private readonly int[] _exerciseOfStep = exerciseOfStep;
    private readonly double[] _growthToExpiry = growthToExpiry;
    private readonly ExerciseBoundary _boundary = boundary;

    /// <summary>Output 0 the exercise cash flow valued at expiry, output 1 the terminal price (the control).</summary>
    public int Outputs => 2;

    public IPayoffAccumulator CreateAccumulator(int blockSize, IPathStepper stepper) =>
        new Accumulator(this, blockSize, stepper.ExpectedPrices[^1]);

    private sealed class Accumulator(LongstaffSchwartzPayoff payoff, int blockSize, double controlMean) : IPayoffAccumulator
    {
        // Per path: the cash flow so far, and 1 once exercised (a double, so the decision stays one vector kernel).
        private readonly double[] _cashFlow = new double[blockSize], _exercised = new double[blockSize], _terminal = new double[blockSize];

        public double KnownMean(int output) => output == PayoffOutput.Control ? controlMean : double.NaN;

        public void Reset(long block)
        {
            Array.Clear(_cashFlow);
            Array.Clear(_exercised);
        }

        public void Observe(int step, ReadOnlySpan<double> prices)
        {
            if (step == payoff._exerciseOfStep.Length - 1) prices.CopyTo(_terminal);
            int j = payoff._exerciseOfStep[step];
            if (j < 0) return;
            bool expiry = j == payoff._growthToExpiry.Length - 1;
            if (!expiry && !payoff._boundary.IsActive(j)) return;
            var fit = expiry ? default : payoff._boundary.Fit(j);
            var kernel = new Decision
            {
                Rule = new ExerciseRule(payoff._type, payoff._strike, payoff._growthToExpiry[j], fit),
                Expiry = expiry, Prices = prices, CashFlow = _cashFlow, Exercised = _exercised,
            };
            SimdLoop.Run(ref kernel, prices.Length);
        }

        public void Complete(PathOutputs outputs)
        {
            outputs.Write(PayoffOutput.Value, _cashFlow);
            outputs.Write(PayoffOutput.Control, _terminal);
        }
    }

    /// <summary>
    /// One date's decision on every path not yet exercised: before expiry exercise where the rule says so; at expiry
    /// take the exercise value (possibly zero).
    /// </summary>
    private ref struct Decision : ISimdKernel
    {
        public ExerciseRule Rule;
        public bool Expiry;
        public ReadOnlySpan<double> Prices;
        public Span<double> CashFlow, Exercised;

        public int Execute<TVec>(int start, int length) where TVec : struct, ISimdDouble<TVec>
        {
            var half = TVec.Broadcast(0.5);
            var never = TVec.Broadcast(double.PositiveInfinity);
            int i = start;
            for (; i <= length - TVec.Count; i += TVec.Count)
            {
                var price = TVec.Load(Prices, i);
                var value = Rule.ExerciseValue(price);
                var exercised = TVec.Load(Exercised, i);
                var cashFlow = TVec.Load(CashFlow, i);
                if (Expiry)
                {
                    TVec.WhereGreater(exercised, half, cashFlow, value).Store(CashFlow, i);
                    continue;
                }
                var threshold = TVec.WhereGreater(exercised, half, never, Rule.Threshold(price));
                TVec.WhereGreater(value, threshold, value, cashFlow).Store(CashFlow, i);
                TVec.WhereGreater(value, threshold, TVec.Broadcast(1.0), exercised).Store(Exercised, i);
            }
            return i;
        }
    }
}

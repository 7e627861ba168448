using QLNet;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// QLNet 1.13.2 on the benchmarks' futures options: a Black–Scholes process with dividend yield = risk-free rate
/// (so the underlying drifts like a futures price), pseudo-random, fixed seed, one thread. QLNet's evaluation
/// date is thread-static: it is set inside each call.
/// </summary>
public static class QlnetReference
{
    /// <summary>The valuation date of every QLNet reference here.</summary>
    public static Date Today { get; } = new(2, Month.January, 2026);

    /// <summary>The process on a flat rate and vol, with the evaluation date set to <see cref="Today"/>.</summary>
    public static GeneralizedBlackScholesProcess Process(double forward, double volatility, double rate)
    {
        Settings.setEvaluationDate(Today);
        var dayCounter = new Actual365Fixed();
        var rates = new Handle<YieldTermStructure>(new FlatForward(Today, rate, dayCounter));
        var vol = new Handle<BlackVolTermStructure>(new BlackConstantVol(Today, new TARGET(), volatility, dayCounter));
        return new BlackScholesMertonProcess(new Handle<Quote>(new SimpleQuote(forward)), rates, rates, vol);
    }

    /// <summary>MCEuropeanEngine: a European call expiring in 365 days, simulated on <paramref name="steps"/> time steps.</summary>
    public static double EuropeanCall(double forward, double strike, double volatility, double rate, int steps, int paths, ulong seed)
    {
        var process = Process(forward, volatility, rate);
        var option = new VanillaOption(new PlainVanillaPayoff(Option.Type.Call, strike), new EuropeanExercise(Today + 365));
        option.setPricingEngine(new MakeMCEuropeanEngine<PseudoRandom, Statistics>(process)
            .withSteps(steps).withSamples(paths).withSeed(seed).value());
        return option.NPV();
    }

    /// <summary>
    /// MCDiscreteArithmeticAPEngine: an arithmetic-average call over <paramref name="fixingDays"/> (days from today; the
    /// last is expiry), one path step per fixing; with or without QLNet's geometric control variate. The NPV and
    /// QLNet's error estimate.
    /// </summary>
    public static (double Value, double StandardError) ArithmeticAverageCall(double forward, double strike, double volatility, double rate, IReadOnlyList<int> fixingDays,
        int paths, ulong seed, bool controlVariate)
    {
        var process = Process(forward, volatility, rate);
        var dates = fixingDays.Select(d => Today + d).ToList();
        var option = new DiscreteAveragingAsianOption(Average.Type.Arithmetic, 0.0, 0, dates,
            new PlainVanillaPayoff(Option.Type.Call, strike), new EuropeanExercise(dates[^1]));
        option.setPricingEngine(new MakeMCDiscreteArithmeticAPEngine<PseudoRandom, Statistics>(process)
            .withSamples(paths).withSeed(seed).withControlVariate(controlVariate).value());
        return (option.NPV(), option.errorEstimate());
    }

    /// <summary>Days from today of each of 12 monthly fixings (the last is the expiry).</summary>
    public static int[] MonthlyFixingDays() => Enumerable.Range(1, 12).Select(i => (Today + new Period(i, TimeUnit.Months)) - Today).ToArray();

    /// <summary>Days from today of <paramref name="count"/> fixings evenly spread over 365 days (rounded to whole days, all distinct).</summary>
    public static int[] EvenFixingDays(int count) => Enumerable.Range(1, count).Select(i => (int)Math.Round(i * 365.0 / count)).ToArray();

    /// <summary>MCBarrierEngine (biased: discrete monitoring on the time grid): a barrier call expiring in 365 days.</summary>
    public static double BarrierCall(double forward, double strike, double volatility, double rate, QLNet.Barrier.Type type, double barrier,
        int steps, int paths, ulong seed)
    {
        var option = new QLNet.BarrierOption(type, barrier, 0, new PlainVanillaPayoff(Option.Type.Call, strike), new EuropeanExercise(Today + 365));
        option.setPricingEngine(new MakeMCBarrierEngine<PseudoRandom, Statistics>(Process(forward, volatility, rate))
            .withSteps(steps).withSamples(paths).withSeed(seed).withBias(true).getAsPricingEngine());
        return option.NPV();
    }
}

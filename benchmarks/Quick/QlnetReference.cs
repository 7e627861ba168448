using QLNet;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// QLNet's MCEuropeanEngine on the same futures option: a Black–Scholes process with dividend yield =
/// risk-free rate (so the underlying drifts like a futures price), pseudo-random, fixed seed.
/// QLNet's evaluation date is thread-static: it is set inside this call.
/// </summary>
public static class QlnetReference
{
    public static double EuropeanCall(double forward, double strike, double volatility, double rate, int steps, int paths, ulong seed)
    {
        var today = new Date(2, Month.January, 2026);
        Settings.setEvaluationDate(today);
        var dayCounter = new Actual365Fixed();
        var maturity = today + 365;
        var spot = new Handle<Quote>(new SimpleQuote(forward));
        var rates = new Handle<YieldTermStructure>(new FlatForward(today, rate, dayCounter));
        var vol = new Handle<BlackVolTermStructure>(new BlackConstantVol(today, new TARGET(), volatility, dayCounter));
        var process = new BlackScholesMertonProcess(spot, rates, rates, vol);
        var option = new VanillaOption(new PlainVanillaPayoff(Option.Type.Call, strike), new EuropeanExercise(maturity));
        option.setPricingEngine(new MakeMCEuropeanEngine<PseudoRandom, Statistics>(process)
            .withSteps(steps).withSamples(paths).withSeed(seed).value());
        return option.NPV();
    }
}

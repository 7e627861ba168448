using CarbonDerivatives.Engine.Products;
using QL = QLNet;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// QLNet engines on a discrete-average option on a futures price: a Black–Scholes–Merton process with
/// dividend yield = risk-free rate (zero carry, so the underlying drifts like a futures price), ACT/365F,
/// flat curves. QLNet's evaluation date is thread-static: every call sets it itself.
/// </summary>
internal static class QlnetAsianReference
{
    /// <summary>Value and error estimate (0 for the analytic engine) per tonne, discounted.</summary>
    public static (double Value, double Error) Price(DateOnly today, OptionType type, AverageKind average, double forward, double strike,
        IReadOnlyList<DateOnly> futureFixings, IReadOnlyList<double> pastFixings, double volatility, double rate,
        int monteCarloPaths = 0, ulong seed = 1)
    {
        var qlToday = ToQl(today);
        QL.Settings.setEvaluationDate(qlToday);
        var dayCounter = new QL.Actual365Fixed();
        var rates = new QL.Handle<QL.YieldTermStructure>(new QL.FlatForward(qlToday, rate, dayCounter));
        var vol = new QL.Handle<QL.BlackVolTermStructure>(new QL.BlackConstantVol(qlToday, new QL.TARGET(), volatility, dayCounter));
        var process = new QL.BlackScholesMertonProcess(new QL.Handle<QL.Quote>(new QL.SimpleQuote(forward)), rates, rates, vol);
        var dates = futureFixings.Select(ToQl).ToList();
        double running = average == AverageKind.Geometric ? pastFixings.Aggregate(1.0, (p, x) => p * x) : pastFixings.Sum();
        var option = new QL.DiscreteAveragingAsianOption(
            average == AverageKind.Geometric ? QL.Average.Type.Geometric : QL.Average.Type.Arithmetic,
            running, pastFixings.Count, dates,
            new QL.PlainVanillaPayoff(type == OptionType.Call ? QL.Option.Type.Call : QL.Option.Type.Put, strike),
            new QL.EuropeanExercise(dates[^1]));
        if (monteCarloPaths == 0)
        {
            option.setPricingEngine(new QL.AnalyticDiscreteGeometricAveragePriceAsianEngine(process));
            return (option.NPV(), 0);
        }
        option.setPricingEngine(new QL.MakeMCDiscreteArithmeticAPEngine<QL.PseudoRandom, QL.Statistics>(process)
            .withSamples(monteCarloPaths).withSeed(seed).withControlVariate(true).value());
        return (option.NPV(), option.errorEstimate());
    }

    private static QL.Date ToQl(DateOnly d) => new(d.Day, (QL.Month)d.Month, d.Year);
}

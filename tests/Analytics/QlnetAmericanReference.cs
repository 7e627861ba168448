using CarbonDerivatives.Engine.Products;
using QLNet;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// QLNet references for American options on a futures price: a Black–Scholes–Merton process with
/// dividend yield = risk-free rate (so the underlying drifts like a futures price, the setting of
/// Black 1976), priced by a 2,000-step Cox–Ross–Rubinstein binomial tree (BinomialVanillaEngine) or by
/// the Barone-Adesi &amp; Whaley (1987) approximation, with American exercise from today to expiry.
/// Expiry is a whole number of days (ACT/365F) so both sides use the same year fraction.
/// QLNet's evaluation date is thread-static: it is set inside each call.
/// </summary>
internal static class QlnetAmericanReference
{
    public const int BinomialSteps = 2_000;

    /// <summary>American options on futures checked against the tree: type, forward, strike, days, vol, rate.</summary>
    public static TheoryData<OptionType, double, double, int, double, double> Cases => new()
    {
        { OptionType.Put, 80, 80, 365, 0.45, 0.05 },
        { OptionType.Put, 80, 90, 365, 0.45, 0.05 },
        { OptionType.Call, 90, 80, 365, 0.40, 0.06 },
        { OptionType.Put, 60, 70, 730, 0.35, 0.06 },
        { OptionType.Put, 100, 110, 182, 0.50, 0.08 },
        { OptionType.Put, 75, 80, 548, 0.30, 0.04 },
    };

    public static double Binomial(OptionType type, double forward, double strike, int days, double volatility, double rate) =>
        Price(type, forward, strike, days, volatility, rate, process => new BinomialVanillaEngine<CoxRossRubinstein>(process, BinomialSteps));

    /// <summary>The 2,000-step tree's delta to the underlying (here the futures price).</summary>
    public static double BinomialDelta(OptionType type, double forward, double strike, int days, double volatility, double rate) =>
        Price(type, forward, strike, days, volatility, rate, process => new BinomialVanillaEngine<CoxRossRubinstein>(process, BinomialSteps),
            option => option.delta());

    public static double BaroneAdesiWhaley(OptionType type, double forward, double strike, int days, double volatility, double rate) =>
        Price(type, forward, strike, days, volatility, rate, process => new BaroneAdesiWhaleyApproximationEngine(process));

    private static double Price(OptionType type, double forward, double strike, int days, double volatility, double rate,
        Func<GeneralizedBlackScholesProcess, IPricingEngine> engine, Func<VanillaOption, double>? measure = null)
    {
        var today = new Date(2, Month.March, 2026);
        Settings.setEvaluationDate(today);
        var dayCounter = new Actual365Fixed();
        var spot = new Handle<Quote>(new SimpleQuote(forward));
        var rates = new Handle<YieldTermStructure>(new FlatForward(today, rate, dayCounter));
        var vol = new Handle<BlackVolTermStructure>(new BlackConstantVol(today, new NullCalendar(), volatility, dayCounter));
        var process = new BlackScholesMertonProcess(spot, rates, rates, vol);
        var qlType = type == OptionType.Call ? Option.Type.Call : Option.Type.Put;
        var option = new VanillaOption(new PlainVanillaPayoff(qlType, strike), new AmericanExercise(today, today + days));
        option.setPricingEngine(engine(process));
        return measure is null ? option.NPV() : measure(option);
    }
}

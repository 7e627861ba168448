using CarbonDerivatives.Engine.Products;
using QLNet;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// QLNet references for American and Bermudan options on a futures price: a Black–Scholes–Merton process with
/// dividend yield = risk-free rate (so the underlying drifts like a futures price, the setting of
/// Black 1976), priced by a 2,000-step Cox–Ross–Rubinstein binomial tree (BinomialVanillaEngine) or by
/// the Barone-Adesi &amp; Whaley (1987) approximation, with American exercise from today to expiry; Bermudan
/// exercise (BermudanExercise on the given days and expiry) by the finite-difference engine
/// FdBlackScholesVanillaEngine (Douglas scheme, 2,000 time steps, 800 log-price points).
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

    /// <summary>Bermudan options on futures: type, forward, strike, days to expiry, vol, rate, days between exercise dates.</summary>
    public static TheoryData<OptionType, double, double, int, double, double, int> BermudanCases => new()
    {
        { OptionType.Put, 80, 90, 365, 0.45, 0.08, 91 },   // quarterly
        { OptionType.Put, 80, 80, 365, 0.45, 0.05, 30 },   // monthly
        { OptionType.Call, 90, 80, 365, 0.40, 0.06, 73 },
        { OptionType.Put, 60, 70, 730, 0.35, 0.06, 182 },  // semi-annual over two years
        { OptionType.Put, 100, 110, 182, 0.50, 0.08, 14 }, // fortnightly
    };

    /// <summary>The exercise days of a Bermudan case: every <paramref name="every"/> days before expiry (expiry is always one).</summary>
    public static int[] ExerciseDays(int days, int every) => Enumerable.Range(1, (days - 1) / every).Select(i => i * every).ToArray();

    public static double BermudanFiniteDifference(OptionType type, double forward, double strike, int days, double volatility, double rate, int every)
    {
        var today = new Date(2, Month.March, 2026);
        var dates = ExerciseDays(days, every).Select(d => today + d).Append(today + days).ToList();
        return Price(type, forward, strike, days, volatility, rate, process => new FdBlackScholesVanillaEngine(process, 2_000, 800),
            exercise: new BermudanExercise(dates));
    }

    public static double BaroneAdesiWhaley(OptionType type, double forward, double strike, int days, double volatility, double rate) =>
        Price(type, forward, strike, days, volatility, rate, process => new BaroneAdesiWhaleyApproximationEngine(process));

    private static double Price(OptionType type, double forward, double strike, int days, double volatility, double rate,
        Func<GeneralizedBlackScholesProcess, IPricingEngine> engine, Func<OneAssetOption, double>? measure = null, Exercise? exercise = null)
    {
        var today = new Date(2, Month.March, 2026);
        Settings.setEvaluationDate(today);
        var dayCounter = new Actual365Fixed();
        var spot = new Handle<Quote>(new SimpleQuote(forward));
        var rates = new Handle<YieldTermStructure>(new FlatForward(today, rate, dayCounter));
        var vol = new Handle<BlackVolTermStructure>(new BlackConstantVol(today, new NullCalendar(), volatility, dayCounter));
        var process = new BlackScholesMertonProcess(spot, rates, rates, vol);
        var qlType = type == OptionType.Call ? Option.Type.Call : Option.Type.Put;
        var payoff = new PlainVanillaPayoff(qlType, strike);
        OneAssetOption option = exercise is null
            ? new VanillaOption(payoff, new AmericanExercise(today, today + days))
            : new DividendVanillaOption(payoff, exercise, [], []); // no dividends: the instrument QLNet's finite-difference engine takes
        option.setPricingEngine(engine(process));
        return measure is null ? option.NPV() : measure(option);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>The CRR tree for early-exercise futures options, against QLNet's 2,000-step tree and Black-76.</summary>
public sealed class BinomialFuturesOptionPricerTests
{
    private static ResolvedFuturesOption Option(OptionType type, double forward, double strike, int days, double vol, double rate)
    {
        double t = days / 365.0;
        return new ResolvedFuturesOption(type, strike, t, forward, vol, Math.Exp(-rate * t), lotSize: 1);
    }

    [Theory]
    [MemberData(nameof(QlnetAmericanReference.Cases), MemberType = typeof(QlnetAmericanReference))]
    [InlineData(OptionType.Put, 40, 80, 365, 0.30, 0.10)] // deep in the money: exercised today
    public void American_MatchesQlnetBinomialWithinFiveBasisPoints(OptionType type, double f, double k, int days, double vol, double rate)
    {
        double tree = BinomialFuturesOptionPricer.Price(Option(type, f, k, days, vol, rate), ResolvedExercise.American);
        double qlnet = QlnetAmericanReference.Binomial(type, f, k, days, vol, rate);
        Assert.True(Math.Abs(tree - qlnet) < 5e-4 * qlnet, $"tree {tree} vs QLNet {qlnet}");
        double european = Black76.Price(type, f, k, days / 365.0, vol, Math.Exp(-rate * days / 365.0));
        Assert.True(tree >= european - 1e-3 * european, "American >= European");
    }

    [Theory]
    [InlineData(OptionType.Call, 70.76, 75, 289, 0.46, 0.025)]
    [InlineData(OptionType.Put, 80, 80, 274, 0.45, 0.03)]
    public void EuropeanExercise_MatchesBlack76(OptionType type, double f, double k, int days, double vol, double rate)
    {
        var option = Option(type, f, k, days, vol, rate);
        double black = Black76.Price(type, f, k, option.Expiry, vol, option.DiscountFactor);
        Assert.True(Math.Abs(BinomialFuturesOptionPricer.Price(option, ResolvedExercise.European) - black) < 5e-4 * black);
    }

    [Fact]
    public void Bermudan_BetweenEuropeanAndAmerican()
    {
        var option = Option(OptionType.Put, 80, 90, 365, 0.45, 0.08);
        double european = BinomialFuturesOptionPricer.Price(option, ResolvedExercise.European);
        double bermudan = BinomialFuturesOptionPricer.Price(option, ResolvedExercise.Bermudan([0.25, 0.5, 0.75]));
        double american = BinomialFuturesOptionPricer.Price(option, ResolvedExercise.American);
        Assert.True(european < bermudan && bermudan < american, $"{european} < {bermudan} < {american}");
    }

    [Theory]
    [MemberData(nameof(QlnetAmericanReference.BermudanCases), MemberType = typeof(QlnetAmericanReference))]
    public void Bermudan_MatchesQlnetFiniteDifferenceWithinFiveBasisPoints(OptionType type, double f, double k, int days, double vol, double rate, int every)
    {
        // Four tree steps a day, so every exercise day is a node; QLNet's FD engine stops at the same dates.
        var option = Option(type, f, k, days, vol, rate);
        var exercise = ResolvedExercise.Bermudan(QlnetAmericanReference.ExerciseDays(days, every).Select(d => d / 365.0).ToArray());
        double tree = BinomialFuturesOptionPricer.Price(option, exercise, steps: 4 * days);
        double qlnet = QlnetAmericanReference.BermudanFiniteDifference(type, f, k, days, vol, rate, every);
        Assert.True(Math.Abs(tree - qlnet) < 5e-4 * qlnet, $"tree {tree} vs QLNet FD {qlnet}");
        double european = Black76.Price(type, f, k, days / 365.0, vol, Math.Exp(-rate * days / 365.0));
        double american = BinomialFuturesOptionPricer.Price(option, ResolvedExercise.American, steps: 4 * days);
        Assert.True(european < qlnet && qlnet < american, $"European {european} < Bermudan {qlnet} < American {american}");
    }

    [Fact]
    public void Steps_OutOfRange_Refused() =>
        Assert.Equal("steps", Assert.Throws<InvalidInputException>(() =>
            BinomialFuturesOptionPricer.Price(Option(OptionType.Put, 80, 80, 365, 0.4, 0.03), ResolvedExercise.American, 0)).Field);
}

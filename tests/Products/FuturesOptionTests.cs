using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;
using QL = QLNet;

namespace CarbonDerivatives.Tests.Products;

public sealed class FuturesOptionTests
{
    // MARKETS.md: ICE EUA Dec-26 option expires Wed 2026-12-16 into the Dec-26 future (LTD Mon 2026-12-21).
    private static readonly DateOnly Valuation = new(2026, 3, 2);
    private static readonly DateOnly Expiry = new(2026, 12, 16), Delivery = new(2026, 12, 21);

    private static FuturesOption EuaCall(double strike = 75.0) =>
        new("EUA", OptionType.Call, strike, Expiry, Delivery, 1000, "EUR");

    private static MarketSnapshot Market() => new(Valuation, new FlatDiscountCurve(0.025),
        [new("EUA", new FuturesCurve(Valuation, [(Delivery, 70.76), (new DateOnly(2027, 12, 20), 72.83)]))],
        [new("EUA", new FlatVolSurface(0.46))]);

    [Fact]
    public void Payoff_PerLot_IsLotTimesIntrinsic()
    {
        Assert.Equal(1000 * 5.0, EuaCall().Payoff(80.0));
        Assert.Equal(0.0, EuaCall().Payoff(70.0));
        Assert.Equal(1000 * 5.0, (EuaCall() with { Type = OptionType.Put }).Payoff(70.0));
    }

    [Fact]
    public void Resolve_UsesAct365ForwardAtDeliveryVolAndDiscountToExpiry()
    {
        var resolved = EuaCall().Resolve(Market());
        double t = (Expiry.DayNumber - Valuation.DayNumber) / 365.0;
        Assert.Equal(t, resolved.Expiry, 15);
        Assert.Equal(70.76, resolved.Forward);
        Assert.Equal(0.46, resolved.Volatility);
        Assert.Equal(Math.Exp(-0.025 * t), resolved.DiscountFactor, 15);
        Assert.Equal(1000, resolved.LotSize);
        Assert.Equal(75.0, resolved.Strike);
    }

    [Fact]
    public void Black76OptionPricer_Price_MatchesQLNetTimesLotSize()
    {
        var resolved = EuaCall().Resolve(Market());
        double t = (Expiry.DayNumber - Valuation.DayNumber) / 365.0;
        double expected = 1000 * QL.Utils.blackFormula(QL.Option.Type.Call, 75.0, 70.76, 0.46 * Math.Sqrt(t), Math.Exp(-0.025 * t), 0.0);
        double actual = Black76OptionPricer.Price(resolved);
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * expected, $"{actual} vs QLNet {expected}");
    }

    [Fact]
    public void Black76OptionPricer_Greeks_MarketsReferenceTimesLotSize()
    {
        // MARKETS.md (per tonne): price 12.0845, delta 0.5644, gamma 0.012276, vega 26.516; one lot = 1,000 t.
        var resolved = new ResolvedFuturesOption(OptionType.Call, 80, 0.75, 80, 0.45, Math.Exp(-0.03 * 0.75), 1000);
        var g = Black76OptionPricer.Greeks(resolved);
        Assert.Equal(12084.5, g.Price, 1);
        Assert.Equal(564.4, g.Delta, 1);
        Assert.Equal(12.276, g.Gamma, 3);
        Assert.Equal(26516, g.Vega, 0);
        // Rho = −T·V (closed form for a futures option with the forward held fixed).
        Assert.Equal(-0.75 * g.Price, g.Rho, 9);
    }

    [Fact]
    public void Resolve_MissingUnderlying_ThrowsNamingMarketField()
    {
        var uka = EuaCall() with { Underlying = "UKA", Currency = "GBP" };
        Assert.Equal("market.futures[UKA]", Assert.Throws<InvalidInputException>(() => uka.Resolve(Market())).Field);
    }

    public static TheoryData<string, FuturesOption> BadOptions() => new()
    {
        { "expiry", EuaCall() with { Expiry = new DateOnly(2026, 3, 1) } },
        { "futuresDelivery", EuaCall() with { FuturesDelivery = new DateOnly(2026, 12, 15) } },
        { "strike", EuaCall(0.0) },
        { "strike", EuaCall(-75.0) },
        { "strike", EuaCall(double.NaN) },
        { "strike", EuaCall(double.PositiveInfinity) },
        { "lotSize", EuaCall() with { LotSize = 0 } },
        { "lotSize", EuaCall() with { LotSize = double.NaN } },
        { "underlying", EuaCall() with { Underlying = " " } },
        { "currency", EuaCall() with { Currency = "" } },
        { "type", EuaCall() with { Type = (OptionType)7 } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_BadTerms_ThrowsNamingField(string field, FuturesOption option)
    {
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => option.Validate(Valuation)).Field);
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => option.Resolve(Market())).Field);
    }

    [Fact]
    public void Validate_ExpiryOnValuationDate_IsAccepted()
    {
        var option = EuaCall() with { Expiry = Valuation };
        option.Validate(Valuation);
        Assert.Equal(0.0, option.Resolve(Market()).Expiry);
    }

    [Theory]
    [InlineData("volatility", -0.1, 0.9)]
    [InlineData("discountFactor", 0.4, double.NaN)]
    [InlineData("discountFactor", 0.4, 0.0)]
    public void ResolvedFuturesOption_BadNumbers_ThrowNamingField(string field, double vol, double df)
    {
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() =>
            new ResolvedFuturesOption(OptionType.Put, 80, 1, 80, vol, df, 1000)).Field);
    }
}

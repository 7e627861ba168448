using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Products;

public sealed class AllowanceProductTests
{
    private static readonly DateOnly Valuation = new(2026, 3, 2);

    [Fact]
    public void AllowanceFuture_Payoff_IsLotTimesPriceChange()
    {
        var future = new AllowanceFuture("EUA", new DateOnly(2026, 12, 21), 1000, "EUR");
        Assert.Equal(1000 * (75.0 - 70.76), future.Payoff(75.0, 70.76), 9);
        Assert.Equal(-1000 * 2.0, future.Payoff(68.76, 70.76), 9);
    }

    [Fact]
    public void AllowanceFuture_Validate_RefusesBadTerms()
    {
        var future = new AllowanceFuture("EUA", new DateOnly(2026, 12, 21), 1000, "EUR");
        future.Validate(Valuation);
        Assert.Equal("lotSize", Assert.Throws<InvalidInputException>(() => (future with { LotSize = -1 }).Validate(Valuation)).Field);
        Assert.Equal("delivery", Assert.Throws<InvalidInputException>(() => future.Validate(new DateOnly(2027, 1, 4))).Field);
        Assert.Equal("finalPrice", Assert.Throws<InvalidInputException>(() => future.Payoff(double.NaN, 70)).Field);
    }

    [Fact]
    public void AllowancePosition_Payoff_SpotAndForward()
    {
        Assert.Equal(5000 * 70.0, new AllowancePosition("EUA", 5000, "EUR").Payoff(70.0));
        var forward = new AllowancePosition("EUA", -2000, "EUR", new DateOnly(2026, 12, 21), 72.0);
        Assert.True(forward.IsForward);
        Assert.Equal(-2000 * (75.0 - 72.0), forward.Payoff(75.0));
    }

    [Fact]
    public void AllowancePosition_Validate_RefusesBadTerms()
    {
        Assert.Equal("forwardPrice", Assert.Throws<InvalidInputException>(() =>
            new AllowancePosition("EUA", 10, "EUR", new DateOnly(2026, 12, 21)).Validate(Valuation)).Field);
        Assert.Equal("forwardDate", Assert.Throws<InvalidInputException>(() =>
            new AllowancePosition("EUA", 10, "EUR", null, 70.0).Validate(Valuation)).Field);
        Assert.Equal("forwardDate", Assert.Throws<InvalidInputException>(() =>
            new AllowancePosition("EUA", 10, "EUR", new DateOnly(2026, 1, 5), 70.0).Validate(Valuation)).Field);
        Assert.Equal("forwardPrice", Assert.Throws<InvalidInputException>(() =>
            new AllowancePosition("EUA", 10, "EUR", new DateOnly(2026, 12, 21), double.NaN).Validate(Valuation)).Field);
        Assert.Equal("quantity", Assert.Throws<InvalidInputException>(() =>
            new AllowancePosition("EUA", double.PositiveInfinity, "EUR").Validate(Valuation)).Field);
    }
}

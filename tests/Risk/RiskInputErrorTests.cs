using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Validation;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>Bad input: a clear error naming the position and the field; the other positions still price.</summary>
public sealed class RiskInputErrorTests
{
    private static readonly FuturesOption Good = Option("EUA", OptionType.Call, 70, new DateOnly(2026, 12, 16), Dec26);

    private static PositionError ErrorOf(Position bad)
    {
        var risk = PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("OK", Good), bad]), EuaMarket(), Fx);
        Assert.True(risk.Positions[0].Succeeded);
        Assert.Equal(1, risk.Total.Positions);
        Assert.False(risk.Positions[1].Succeeded);
        var error = Assert.Single(risk.Errors);
        Assert.Equal(bad.Id, error.PositionId);
        Assert.Contains(bad.Id, error.Message);
        return error;
    }

    [Fact]
    public void UnknownUnderlying_NamesPositionAndFuturesCurve()
    {
        var error = ErrorOf(Long("BAD", Good with { Underlying = "XYZ" }));
        Assert.Equal("positions[BAD].market.futures[XYZ]", error.Field);
        Assert.Contains("unknown underlying 'XYZ'", error.Message);
    }

    [Fact]
    public void MissingVolSurface_NamesPositionAndVolatilities()
    {
        var market = EuaMarket();
        var noVol = market.VolSurfaces.Remove("UKA");
        var risk = PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("OK", Good), Long("UKA1", Option("UKA", OptionType.Call, 45, new DateOnly(2026, 12, 16), Dec26))]),
            new Engine.Market.MarketSnapshot(Today, market.Discount, market.FuturesCurves, noVol), Fx);
        var error = Assert.Single(risk.Errors);
        Assert.Equal("positions[UKA1].market.volatilities[UKA]", error.Field);
    }

    [Fact]
    public void MissingFxRate_NamesPositionAndCurrency()
    {
        var error = ErrorOf(Long("JPY1", Good with { Currency = "JPY" }));
        Assert.Equal("positions[JPY1].fxRates[JPY]", error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void NonPositiveLotSize_NamesPositionAndLotSize(double lotSize)
    {
        var error = ErrorOf(Long("L1", Good with { LotSize = lotSize }));
        Assert.Equal("positions[L1].instrument.lotSize", error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    public void NonPositiveLots_NamesPositionAndLots(double lots)
    {
        var error = ErrorOf(Long("Q1", Good, lots));
        Assert.Equal("positions[Q1].lots", error.Field);
    }

    [Fact]
    public void DuplicatePositionIds_RefusedNamingTheIdAndBothIndices()
    {
        var e = Assert.Throws<InvalidInputException>(() => new Portfolio("EUR", [Long("A", Good), Long("B", Good), Long("A", Good)]));
        Assert.Equal("positions[2].id", e.Field);
        Assert.Contains("'A'", e.Message);
        Assert.Contains("positions[0]", e.Message);
    }

    [Fact]
    public void EmptyShockGrid_Refused()
    {
        var portfolio = new Portfolio("EUR", [Long("A", Good)]);
        Assert.Equal("priceShocks", Assert.Throws<InvalidInputException>(() => ScenarioLadder.Run(portfolio, EuaMarket(), Fx, [], [0])).Field);
        Assert.Equal("volShocks", Assert.Throws<InvalidInputException>(() => ScenarioLadder.Run(portfolio, EuaMarket(), Fx, [0.1], [])).Field);
        Assert.Equal("priceShocks[1]", Assert.Throws<InvalidInputException>(() => ScenarioLadder.Run(portfolio, EuaMarket(), Fx, [0.1, -1.0], [0])).Field);
    }

    [Fact]
    public void BadSettings_Refused()
    {
        var portfolio = new Portfolio("EUR", [Long("A", Good)]);
        Assert.Equal("settings.monteCarlo.paths", Assert.Throws<InvalidInputException>(() =>
            PortfolioRiskEngine.Compute(portfolio, EuaMarket(), Fx, new RiskSettings
            {
                Method = ValuationMethod.MonteCarlo, MonteCarlo = new MonteCarloSettings { Paths = 1001, Antithetic = true },
            })).Field);
        Assert.Equal("confidences[0]", Assert.Throws<InvalidInputException>(() =>
            MonteCarloVaR.Compute(portfolio, EuaMarket(), Fx, new VarSettings { Confidences = [1.0] })).Field);
        Assert.Equal("correlations", Assert.Throws<InvalidInputException>(() =>
            MonteCarloVaR.Compute(new Portfolio("EUR", [Long("A", Good), Long("B", Option("UKA", OptionType.Call, 45, new DateOnly(2026, 12, 16), Dec26)),
                Long("C", Option("CCA", OptionType.Call, 30, new DateOnly(2026, 12, 16), Dec26))]), EuaMarket(), Fx,
                new VarSettings { Correlations = new([("EUA", "UKA", 0.99), ("EUA", "CCA", 0.99), ("UKA", "CCA", -0.99)]) })).Field);
    }

    [Fact]
    public void Cancellation_StopsTheSimulation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("A", Good)]), EuaMarket(), Fx,
            new RiskSettings { Method = ValuationMethod.MonteCarlo }, null, null, cts.Token));
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using Xunit;

using CarbonDerivatives.Tests.Support;

namespace CarbonDerivatives.Tests.Products;

/// <summary>The spread option contract, its resolution, and bad input named by field.</summary>
public sealed class SpreadOptionTests
{
    private static readonly DateOnly Valuation = new(2026, 3, 2), Expiry = new(2026, 12, 16);
    private static readonly DateOnly Dec26 = new(2026, 12, 21), CcaDec26 = new(2026, 12, 24);

    // EUA (EUR) vs CCA (USD converted at 0.92 EUR per USD, deterministic FX).
    private static SpreadOption EuaCca(double strike = 40) =>
        new(new SpreadLeg("EUA", Dec26), new SpreadLeg("CCA", CcaDec26, 1, 0.92), OptionType.Call, strike, Expiry, 1000, "EUR");

    private static MarketSnapshot Market() => new(Valuation, new FlatDiscountCurve(0.025),
        [new("EUA", new FuturesCurve(Valuation, [(Dec26, 70.76)])), new("CCA", new FuturesCurve(Valuation, [(CcaDec26, 31.5)]))],
        [new("EUA", new FlatVolSurface(0.46)), new("CCA", new FlatVolSurface(0.28))]);

    [Fact]
    public void Payoff_PerLot_ConvertsLeg2AndAllowsNegativeStrike()
    {
        Assert.Equal(1000 * (70 - 0.92 * 30 - 40), EuaCca().Payoff(70, 30), 9);
        Assert.Equal(1000 * (60 - 0.92 * 30 + 5), EuaCca(-5).Payoff(60, 30), 9);
        Assert.Equal(0.0, EuaCca().Payoff(50, 30));
    }

    [Fact]
    public void Resolve_TakesForwardsVolsAndWeightsPerLeg()
    {
        var resolved = EuaCca().Resolve(Market(), 0.3);
        double t = (Expiry.DayNumber - Valuation.DayNumber) / 365.0;
        Assert.Equal(t, resolved.Expiry, 15);
        Assert.Equal(70.76, resolved.Leg1.Forward);
        Assert.Equal(31.5, resolved.Leg2.Forward);
        Assert.Equal(0.92, resolved.Leg2.Weight);
        Assert.Equal(0.28, resolved.Leg2.Volatility);
        Assert.Equal(Math.Exp(-0.025 * t), resolved.DiscountFactor, 15);
        Assert.Equal(0.3, resolved.Correlation);
    }

    [Theory]
    [InlineData("leg1.quantity")]
    [InlineData("leg2.conversionFactor")]
    [InlineData("leg2.futuresDelivery")]
    [InlineData("strike")]
    [InlineData("lotSize")]
    public void Validate_BadTerms_InvalidInputNamingField(string field)
    {
        var option = field switch
        {
            "leg1.quantity" => EuaCca() with { Leg1 = new SpreadLeg("EUA", Dec26, 0) },
            "leg2.conversionFactor" => EuaCca() with { Leg2 = new SpreadLeg("CCA", CcaDec26, 1, -0.92) },
            "leg2.futuresDelivery" => EuaCca() with { Leg2 = new SpreadLeg("CCA", new DateOnly(2026, 6, 1)) },
            "strike" => EuaCca(double.NaN),
            _ => EuaCca() with { LotSize = 0 },
        };
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => option.Resolve(Market(), 0.3)).Field);
    }

    [Fact]
    public void Calendar_SameFutureTwice_Refused() =>
        Assert.Equal("leg2.futuresDelivery", Assert.Throws<InvalidInputException>(() =>
            SpreadOption.Calendar("EUA", Dec26, Dec26, OptionType.Call, 0, Expiry, 1000, "EUR").Validate(Valuation)).Field);

    [Theory]
    [InlineData(1.5, "correlation")]
    [InlineData(double.NaN, "correlation")]
    public void Resolve_CorrelationOutsideUnitInterval_Refused(double rho, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => EuaCca().Resolve(Market(), rho)).Field);

    [Fact]
    public void ResolvedLeg_NonPositivePriceOrWeight_NamedByLeg()
    {
        Assert.Equal("leg2.forward", Assert.Throws<InvalidInputException>(() => new ResolvedSpreadLeg(0, 0.3, 1, "leg2")).Field);
        Assert.Equal("leg1.weight", Assert.Throws<InvalidInputException>(() => new ResolvedSpreadLeg(70, 0.3, -1, "leg1")).Field);
    }

    [Fact]
    public void MonteCarlo_PerfectCorrelation_RefusedAsNotPositiveDefinite()
    {
        var option = new ResolvedSpreadOption(OptionType.Call, 0, 1, new(70, .4, 1), new(68, .4, 1), 1.0, 1, 1000);
        Assert.Equal("correlation[1][0]", Assert.Throws<InvalidInputException>(() =>
            MonteCarloRuns.Spread(option, null, 1, new MonteCarloSettings { Paths = 1000, Seed = 1 })).Field);
    }

    [Fact]
    public void CorrelationMatrix_InconsistentThreeLegs_NamesTheOffendingEntry()
    {
        // ρ01 = ρ12 = 0.9 force ρ02 >= 0.62; −0.5 makes the matrix indefinite (the 3x3 minor fails first).
        var c = new double[,] { { 1, 0.9, -0.5 }, { 0.9, 1, 0.9 }, { -0.5, 0.9, 1 } };
        var e = Assert.Throws<InvalidInputException>(() => CorrelationMatrix.CholeskyFactor(c, 3));
        Assert.Equal("correlation[2][1]", e.Field);
    }

    [Theory]
    [InlineData(0, 1, 1.2, "correlation[0][1]")]
    [InlineData(1, 1, 0.9, "correlation[1][1]")]
    public void CorrelationMatrix_BadEntry_NamedByIndex(int i, int j, double value, string field)
    {
        var c = new double[,] { { 1, 0.5 }, { 0.5, 1 } };
        c[i, j] = value;
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() => CorrelationMatrix.CholeskyFactor(c, 2)).Field);
    }

    [Fact]
    public void CorrelationMatrix_Asymmetric_Named() =>
        Assert.Equal("correlation[1][0]", Assert.Throws<InvalidInputException>(() =>
            CorrelationMatrix.CholeskyFactor(new double[,] { { 1, 0.5 }, { 0.4, 1 } }, 2)).Field);

    [Fact]
    public void Model_BadLeg_NamedByIndex()
    {
        var identity = new double[,] { { 1, 0 }, { 0, 1 } };
        Assert.Equal("legs[1].forward", Assert.Throws<InvalidInputException>(() =>
            new CorrelatedFuturesModel([new FuturesLeg(70, 0.4, 1), new FuturesLeg(-1, 0.4, -1)], identity)).Field);
        Assert.Equal("legs[0].weight", Assert.Throws<InvalidInputException>(() =>
            new CorrelatedFuturesModel([new FuturesLeg(70, 0.4, double.NaN), new FuturesLeg(60, 0.4, -1)], identity)).Field);
        Assert.Equal("jumps", Assert.Throws<InvalidInputException>(() => MonteCarloRuns.Spread(
            new ResolvedSpreadOption(OptionType.Call, 0, 1, new(70, .4, 1), new(68, .4, 1), 0.5, 1, 1000), [null], 1,
            new MonteCarloSettings { Paths = 1000, Seed = 1 })).Field);
    }
}

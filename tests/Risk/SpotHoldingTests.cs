using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Risk.Margin;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// Spot and forward allowance holdings valued by carry: on a curve built by <see cref="FuturesCurve.FromSpot(double, DateOnly, double, double, IEnumerable{DateOnly})"/>
/// from spot 68 with r = 2.5% and y = 1%, a spot holding is worth Q·S and its delta to the future is Q·e^{−(r−y)T}.
/// </summary>
public sealed class SpotHoldingTests
{
    private const double Spot = 68.0, Yield = 0.01;
    private static readonly AllowancePosition Holding = new("EUA", 5000, "EUR", CarryDelivery: Dec26, ConvenienceYield: Yield);

    private static MarketSnapshot CarryMarket() => new(Today, new FlatDiscountCurve(Rate),
        [new("EUA", FuturesCurve.FromSpot(Spot, Today, Rate, Yield, [Dec26, Dec27]))]);

    [Fact]
    public void SpotHolding_ValueAndDelta_EqualTheCarryFormula()
    {
        var market = CarryMarket();
        double t = market.TimeTo(Dec26);
        var risk = PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("S", Holding)]), market, Fx);
        var measures = risk.Positions[0].Measures!;
        Assert.Equal(5000 * Spot, measures.Price.Value, 1e-8);
        Assert.Equal(5000 * Math.Exp(-(Rate - Yield) * t), measures.Delta.Value, 1e-9); // dV/dF(Dec-26)
        // dV/dS = dV/dF · dF/dS = Q: a tonne of spot moves one for one.
        Assert.Equal(5000, measures.Delta.Value * Math.Exp((Rate - Yield) * t), 1e-9);
        Assert.Equal(-t * 5000 * Spot, measures.Rho.Value, 1e-6);
        Assert.Equal(0, measures.Gamma.Value);
        // It is in the book's figures: its tenor, its underlying and the total.
        Assert.Equal(5000 * Spot, risk.ByTenor[new TenorKey("EUA", Dec26)].Measures.Price.Value, 1e-8);
        Assert.Equal(5000 * Spot, risk.Total.Measures.Price.Value, 1e-8);
    }

    [Fact]
    public void ForwardHolding_IsTheDiscountedForwardGain()
    {
        var market = CarryMarket();
        var forward = new AllowancePosition("EUA", -2000, "EUR", Dec27, 66.0);
        double t = market.TimeTo(Dec27), f = Spot * Math.Exp((Rate - Yield) * t);
        var measures = PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("W", forward)]), market, Fx).Positions[0].Measures!;
        Assert.Equal(-2000 * (f - 66.0) * Math.Exp(-Rate * t), measures.Price.Value, 1e-6);
        Assert.Equal(-2000 * Math.Exp(-Rate * t), measures.Delta.Value, 1e-9);
    }

    [Fact]
    public void SpotHolding_InMarginAndStress_MovesWithItsFuture()
    {
        var market = CarryMarket();
        double f26 = market.FuturesCurveFor("EUA").Price(Dec26);
        var settings = new SpanSettings { Underlyings = ImmutableDictionary<string, ScanParameters>.Empty.Add("EUA", new ScanParameters(0.15)) };
        var alone = SpanMargin.Compute(new Portfolio("EUR", [Long("S", Holding)]), market, Fx, settings);
        Assert.Equal(0.15 * 5000 * Spot, alone.Total, 1e-6); // the full down move of 5,000 t at spot
        // Cash and carry: 5,000 t held against 5 short Dec-26 lots; the scan is the carry basis 5,000 x 15% x (F - S).
        var hedged = SpanMargin.Compute(new Portfolio("EUR", [Long("S", Holding), new Position("F", new AllowanceFuture("EUA", Dec26, 1000, "EUR"), 5,
            PositionSide.Short)]), market, Fx, settings);
        Assert.Equal(0.15 * 5000 * (f26 - Spot), hedged.Total, 1e-6);
        var stress = StressTester.Run(new Portfolio("EUR", [Long("S", Holding)]), market, Fx, [StressCatalogue.Covid2020]);
        // The one-day move: the future falls 15.4% and a day of carry (r - y) accrues to the spot it implies.
        double shock = StressCatalogue.Covid2020.PriceShocks["EUA"];
        Assert.Equal(5000 * Spot * ((1 + shock) * Math.Exp((Rate - Yield) / 365.0) - 1), stress.Results[0].ProfitAndLoss, 1e-6);
    }

    [Fact]
    public void SpotHoldingWithoutACarryDelivery_IsRefusedNamingTheField()
    {
        var risk = PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("S", new AllowancePosition("EUA", 10, "EUR"))]), CarryMarket(), Fx);
        Assert.Equal("positions[S].instrument.carryDelivery", risk.Positions[0].Error!.Field);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>Ladders and stress tests against direct revaluation with the Black-76 closed form.</summary>
public sealed class ScenarioAndStressTests
{
    private static readonly FuturesOption EuaCall = Option("EUA", OptionType.Call, 72, new DateOnly(2026, 12, 16), Dec26);
    private static readonly AllowanceFuture EuaDec26 = new("EUA", Dec26, 1000, "EUR");
    private static readonly AllowanceFuture UkaDec26 = new("UKA", Dec26, 1000, "GBP");

    /// <summary>Per-lot Black-76 value of <see cref="EuaCall"/> with the forward scaled, vol shifted and time advanced.</summary>
    private static double CallValue(double priceFactor, double volShift, double elapsed)
    {
        var o = EuaCall.Resolve(EuaMarket());
        double rate = -Math.Log(o.DiscountFactor) / o.Expiry, t = o.Expiry - elapsed;
        return 1000 * Black76.Price(o.Type, o.Forward * priceFactor, o.Strike, t, o.Volatility + volShift, Math.Exp(-rate * t));
    }

    [Fact]
    public void Ladder_OptionAndFutures_EachCellIsFullRevaluation()
    {
        var portfolio = new Portfolio("EUR", [Long("C", EuaCall, 3), new Position("F", EuaDec26, 2, PositionSide.Short, 65.0)]);
        var ladder = ScenarioLadder.Run(portfolio, EuaMarket(), Fx, ScenarioLadder.StandardPriceShocks, [-0.1, 0, 0.1]);
        Assert.Equal(11, ladder.ProfitAndLoss.Length);
        for (int i = 0; i < ladder.PriceShocks.Length; i++)
            for (int j = 0; j < ladder.VolShocks.Length; j++)
            {
                double s = ladder.PriceShocks[i], v = ladder.VolShocks[j];
                double expected = 3 * (CallValue(1 + s, v, 0) - CallValue(1, 0, 0)) - 2 * 1000 * 70.76 * s;
                Assert.Equal(expected, ladder.ProfitAndLoss[i][j], 1e-6);
                Assert.Equal(expected, ladder.ByUnderlying["EUA"][i][j], 1e-6);
            }
        Assert.Equal(0, ladder.ProfitAndLoss[5][1], 1e-9);
    }

    [Fact]
    public void Catalogue_CarriesMarketsEvents()
    {
        var byName = StressCatalogue.Historical.ToDictionary(s => s.Name);
        // MARKETS.md quotes one-day moves as log returns; a shock is the price change e^r - 1 (to 1e-4: the closes' rounding).
        Assert.Equal(11.40 / 29.85 - 1, StressCatalogue.EuaApril2006Collapse.PriceShocks["EUA"], 1e-3);
        Assert.Equal(9, StressCatalogue.EuaApril2006Collapse.Days);
        Assert.Equal(Math.Exp(-0.435) - 1, StressCatalogue.EuaBackloadingVote2013.PriceShocks["EUA"], 1e-3);
        Assert.Equal(Math.Exp(-0.129) - 1, StressCatalogue.Brexit2016.PriceShocks["EUA"], 1e-3);
        Assert.Equal(Math.Exp(-0.167) - 1, StressCatalogue.Covid2020.PriceShocks["EUA"], 1e-3);
        Assert.Equal(Math.Exp(-0.177) - 1, StressCatalogue.Ukraine2022.PriceShocks["EUA"], 1e-3);
        Assert.Equal(Math.Exp(0.161) - 1, StressCatalogue.Rebound2022.PriceShocks["EUA"], 1e-3);
        Assert.Equal(0.135, StressCatalogue.UkaLinkage2025.PriceShocks["UKA"]);
        Assert.True(byName.Count >= 8);
    }

    [Fact]
    public void Stress_HistoricalAndUserDefined_MatchDirectRevaluation()
    {
        var portfolio = new Portfolio("EUR", [Long("C", EuaCall, 2), Long("F", EuaDec26, 5), Long("U", UkaDec26, 4)]);
        var user = new StressScenario("EUA -30%, vol +20 pts, a week", "user-defined",
            System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("EUA", -0.30).Add("UKA", -0.25), 0.20, 7);
        var report = StressTester.Run(portfolio, EuaMarket(), Fx, [.. StressCatalogue.Historical, user]);
        Assert.Empty(report.Errors);

        var april2006 = report.Results.Single(r => r.Scenario == StressCatalogue.EuaApril2006Collapse);
        double shock2006 = StressCatalogue.EuaApril2006Collapse.PriceShocks["EUA"];
        double expected2006 = 2 * (CallValue(1 + shock2006, 0, 9 / 365.0) - CallValue(1, 0, 0)) + 5 * 1000 * 70.76 * shock2006;
        Assert.Equal(expected2006, april2006.ProfitAndLoss, 1e-6);
        Assert.Equal(0, april2006.ByUnderlying["UKA"]);

        var linkage = report.Results.Single(r => r.Scenario == StressCatalogue.UkaLinkage2025);
        Assert.Equal(4 * 1000 * 45.10 * 0.135 * 1.17, linkage.ByUnderlying["UKA"], 1e-6);

        var custom = report.Results.Single(r => r.Scenario == user);
        double expectedCustom = 2 * (CallValue(0.70, 0.20, 7 / 365.0) - CallValue(1, 0, 0)) + 5 * 1000 * 70.76 * -0.30
                                + 4 * 1000 * 45.10 * -0.25 * 1.17;
        Assert.Equal(expectedCustom, custom.ProfitAndLoss, 1e-6);
    }
}

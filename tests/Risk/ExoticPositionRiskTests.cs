using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Numerics;
using System.Collections.Immutable;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// Asian and barrier positions in portfolio risk: where they reduce to a European option (one fixing at
/// expiry; a barrier too far to matter) their measures, ladders and stresses equal the European
/// position's Black-76 figures; a barrier crossed in a stress is knocked; time passing fixes Asian fixings.
/// </summary>
public sealed class ExoticPositionRiskTests
{
    private static readonly DateOnly Expiry = new(2026, 12, 16);

    private static FuturesOption European => Option("EUA", OptionType.Call, 75, Expiry, Dec26);

    private static AsianOption OneFixingAsian => new("EUA", OptionType.Call, 75, [Expiry], Dec26, 1000, "EUR", AverageKind.Geometric);

    private static BarrierOption FarUpAndOut => new("EUA", OptionType.Call, 75, BarrierDirection.Up, BarrierKnock.Out, 5_000, 0, Expiry, Dec26, 1000, "EUR");

    private static void Close(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected) + 1e-6, $"{what}: {actual} vs {expected}");

    [Theory]
    [InlineData("asian")]
    [InlineData("barrier")]
    public void DegenerateExotic_MeasuresEqualTheEuropeanPositions(string kind)
    {
        IAllowanceInstrument exotic = kind == "asian" ? OneFixingAsian : FarUpAndOut;
        var risk = PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("e", European, 3), Long("x", exotic, 3)]), EuaMarket(), Fx);
        var e = risk.Positions[0].Measures!;
        var x = risk.Positions[1].Measures!;
        Assert.Null(risk.Positions[1].Error);
        Close(e.Price.Value, x.Price.Value, 1e-9, "price");
        Close(e.Delta.Value, x.Delta.Value, 1e-5, "delta");
        Close(e.Gamma.Value, x.Gamma.Value, 1e-3, "gamma");
        Close(e.Vega.Value, x.Vega.Value, 1e-5, "vega");
        Close(e.Theta.Value, x.Theta.Value, 1e-3, "theta");
        Close(e.Rho.Value, x.Rho.Value, 1e-4, "rho");
        Assert.Equal(GreekMethod.FiniteDifference, x.Delta.Method);
        Assert.Equal(Expiry, risk.Positions[1].Expiry);
    }

    [Fact]
    public void DegenerateExotics_LadderEqualsTheEuropeanLadder()
    {
        double[] shocks = [-0.5, -0.2, 0, 0.2, 0.5];
        var european = ScenarioLadder.Run(new Portfolio("EUR", [Long("e", European, 2)]), EuaMarket(), Fx, shocks, [-0.1, 0, 0.1]);
        var exotics = ScenarioLadder.Run(new Portfolio("EUR", [Long("a", OneFixingAsian), Long("b", FarUpAndOut)]), EuaMarket(), Fx, shocks, [-0.1, 0, 0.1]);
        Assert.Empty(exotics.Errors);
        for (int i = 0; i < shocks.Length; i++)
            for (int j = 0; j < 3; j++)
                Close(european.ProfitAndLoss[i][j], exotics.ProfitAndLoss[i][j], 1e-9, $"ladder[{i}][{j}]");
    }

    [Fact]
    public void Stress_DownAndOutPutKnockedOut_LosesItsWholeValue()
    {
        var put = new BarrierOption("EUA", OptionType.Put, 70, BarrierDirection.Down, BarrierKnock.Out, 50, 0, Expiry, Dec26, 1000, "EUR");
        var portfolio = new Portfolio("EUR", [Long("p", put, 2)]);
        double value = PortfolioRiskEngine.Compute(portfolio, EuaMarket(), Fx).Total.Measures.Price.Value;
        var collapse = new StressScenario("collapse", "EUA -40%: through the barrier", ImmutableDictionary<string, double>.Empty.Add("EUA", -0.4), Days: 3);
        var report = StressTester.Run(portfolio, EuaMarket(), Fx, [collapse]);
        Assert.Equal(-value, report.Results[0].ProfitAndLoss, 1e-9 * value);
    }

    [Fact]
    public void Stress_AsianWithFixingsInTheStressWindow_FixesThemAtTheShockedPrice()
    {
        // Daily fixings from the day after valuation: a 9-day stress fixes the first ones at the shocked price.
        var asian = new AsianOption("EUA", OptionType.Call, 70, FixingSchedule.Generate(new DateOnly(2026, 3, 3), new DateOnly(2026, 4, 30), FixingFrequency.Daily),
            Dec26, 1000, "EUR");
        var portfolio = new Portfolio("EUR", [Long("a", asian)]);
        var report = StressTester.Run(portfolio, EuaMarket(), Fx, StressCatalogue.Historical.Where(s => s.Name.StartsWith("EUA April 2006", StringComparison.Ordinal)));
        Assert.Empty(report.Errors);
        double value = PortfolioRiskEngine.Compute(portfolio, EuaMarket(), Fx).Total.Measures.Price.Value;
        Assert.InRange(report.Results[0].ProfitAndLoss, -value, -0.5 * value); // a -63% move takes most of a near-the-money call's value
    }

    [Fact]
    public void Exotic_OnAnUnderlyingWithJumps_ReportsAPositionError()
    {
        // An Asian has no closed form under Merton: the closed-form method refuses it and names the method (Monte Carlo prices it).
        var settings = new RiskSettings { Models = ImmutableDictionary<string, ValuationModel>.Empty.Add("EUA", new MertonDynamics(new LogNormalJumps(6.1, -0.029, 0.083))) };
        var risk = PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("a", OneFixingAsian)]), EuaMarket(), Fx, settings);
        Assert.Equal("positions[a].method", risk.Positions[0].Error!.Field);
    }

    [Fact]
    public void AmericanPut_PricedOnTheTree_DeltaMatchesQlnetsTree()
    {
        var put = Option("EUA", OptionType.Put, 80, Expiry, Dec26);
        var position = new Position("am", put with { Exercise = OptionExercise.American }, 2, PositionSide.Long);
        var risk = PortfolioRiskEngine.Compute(new Portfolio("EUR", [position]), EuaMarket(), Fx);
        var m = risk.Positions[0].Measures!;
        var resolved = (put with { LotSize = 1 }).Resolve(EuaMarket());
        Close(2000 * BinomialFuturesOptionPricer.Price(resolved, ResolvedExercise.American), m.Price.Value, 1e-12, "price");
        int days = Expiry.DayNumber - Today.DayNumber;
        double qlnetDelta = Analytics.QlnetAmericanReference.BinomialDelta(OptionType.Put, resolved.Forward, 80, days, resolved.Volatility, Rate);
        Close(2000 * qlnetDelta, m.Delta.Value, 0.01, "delta");
        var european = PortfolioRiskEngine.Compute(new Portfolio("EUR", [position with { Instrument = put }]), EuaMarket(), Fx);
        Assert.True(m.Price.Value > european.Positions[0].Measures!.Price.Value, "American put > European put");
    }
}

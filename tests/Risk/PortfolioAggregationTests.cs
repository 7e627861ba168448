using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>A 1,000-position book over 5 underlyings: aggregation adds up and each underlying is simulated once.</summary>
public sealed class PortfolioAggregationTests
{
    /// <summary>1,000 positions: options (calls/puts, strikes 70%..130% of the forward, three expiries) and futures, long and short, 5 underlyings.</summary>
    internal static Portfolio ThousandPositions()
    {
        var random = new Random(5);
        DateOnly[] deliveries = [Dec26, Dec27, Dec28];
        var positions = new List<Position>();
        for (int i = 0; i < 1000; i++)
        {
            var u = Underlyings[i % Underlyings.Length];
            int tenor = random.Next(3);
            var delivery = deliveries[tenor];
            double forward = tenor switch { 0 => u.Dec26, 1 => u.Dec27, _ => u.Dec28 };
            var expiry = delivery.AddDays(-5 - 90 * random.Next(3));
            IAllowanceInstrument instrument = i % 10 == 9
                ? new AllowanceFuture(u.Code, delivery, 1000, u.Currency)
                : Option(u.Code, random.Next(2) == 0 ? OptionType.Call : OptionType.Put,
                    Math.Round(forward * (0.7 + 0.6 * random.NextDouble()), 2), expiry, delivery);
            positions.Add(new Position($"P{i:D4}", instrument, 1 + random.Next(20), random.Next(3) == 0 ? PositionSide.Short : PositionSide.Long,
                instrument is AllowanceFuture ? Math.Round(forward * 0.95, 2) : null));
        }
        return new Portfolio("EUR", positions);
    }

    private static IEnumerable<Func<RiskMeasures, GreekEstimate>> Figures() =>
        [m => m.Price, m => m.Delta, m => m.Gamma, m => m.Vega, m => m.Theta, m => m.Rho];

    [Theory]
    [InlineData(ValuationMethod.Analytic)]
    [InlineData(ValuationMethod.MonteCarlo)]
    public void Compute_ThousandPositions_PositionsSumToUnderlyingTenorAndTotal(ValuationMethod method)
    {
        var risk = PortfolioRiskEngine.Compute(ThousandPositions(), EuaMarket(), Fx,
            Settings(method, 20_000, 3));
        Assert.All(risk.Positions, p => Assert.True(p.Succeeded));
        Assert.Equal(5, risk.ByUnderlying.Count);
        foreach (var figure in Figures())
        {
            double Sum(IEnumerable<PositionRisk> ps) => ps.Sum(p => figure(p.Measures!).Value * p.FxRate);
            foreach (var (code, totals) in risk.ByUnderlying)
                Assert.Equal(Sum(risk.Positions.Where(p => p.Underlying == code)), figure(totals.Measures).Value, 1e-9 * Scale(totals));
            foreach (var (key, totals) in risk.ByTenor)
                Assert.Equal(Sum(risk.Positions.Where(p => p.Underlying == key.Underlying && p.Tenor == key.Delivery)),
                    figure(totals.Measures).Value, 1e-9 * Scale(totals));
            Assert.Equal(Sum(risk.Positions), figure(risk.Total.Measures).Value, 1e-9 * Scale(risk.Total));
            Assert.Equal(risk.ByUnderlying.Values.Sum(t => figure(t.Measures).Value), figure(risk.Total.Measures).Value, 1e-9 * Scale(risk.Total));
        }
        Assert.Equal(1000, risk.Total.Positions);
        foreach (var (code, totals) in risk.ByUnderlying)
        {
            Assert.Equal(risk.Positions.Where(p => p.Underlying == code).Sum(p => p.Measures!.Delta.Value), totals.DeltaTonnes, 1e-6);
            Assert.Equal(totals.Measures.Vega.Value, totals.VegaByExpiry.Values.Sum(), 1e-9 * Scale(totals));
        }
    }

    private static double Scale(RiskTotals t) => 1 + Math.Abs(t.Measures.Price.Value) + Math.Abs(t.Measures.Vega.Value) + Math.Abs(t.Measures.Theta.Value);

    [Fact]
    public void Compute_MonteCarlo_OneSharedSimulationPerUnderlying()
    {
        var portfolio = ThousandPositions();
        var risk = PortfolioRiskEngine.Compute(portfolio, EuaMarket(), Fx, Settings(ValuationMethod.MonteCarlo, 10_000));
        Assert.Equal(["CCA", "CEA", "EUA", "SO2", "UKA"], risk.Simulations.Select(s => s.Underlying).ToArray());
        Assert.Equal(portfolio.Positions.Count(p => p.Instrument is FuturesOption), risk.Simulations.Sum(s => s.Positions));
        Assert.All(risk.Simulations, s => Assert.Equal(10_000, s.Paths));
        Assert.All(risk.Positions.Where(p => p.Expiry is not null), p => Assert.Equal(GreekMethod.Pathwise, p.Measures!.Delta.Method));
    }

    [Fact]
    public void Compute_MonteCarloTotals_WithinFourSEOfAnalyticTotals()
    {
        var portfolio = ThousandPositions();
        var analytic = PortfolioRiskEngine.Compute(portfolio, EuaMarket(), Fx);
        var mc = PortfolioRiskEngine.Compute(portfolio, EuaMarket(), Fx, Settings(ValuationMethod.MonteCarlo, 20_000, 9));
        foreach (var (code, totals) in mc.ByUnderlying)
        {
            var exact = analytic.ByUnderlying[code].Measures;
            RiskAssert.WithinStandardErrors(exact.Price.Value, totals.Measures.Price, $"{code} price");
            RiskAssert.WithinStandardErrors(exact.Delta.Value, totals.Measures.Delta, $"{code} delta");
            RiskAssert.WithinStandardErrors(exact.Vega.Value, totals.Measures.Vega, $"{code} vega");
            RiskAssert.WithinStandardErrors(exact.Gamma.Value, totals.Measures.Gamma, $"{code} gamma");
        }
    }

    [Fact]
    public void Compute_Analytic_OptionMatchesBlack76PerLotTimesLotsAndSide()
    {
        var option = Option("UKA", OptionType.Put, 44, new DateOnly(2026, 12, 16), Dec26);
        var risk = PortfolioRiskEngine.Compute(new Portfolio("EUR", [new Position("U1", option, 7, PositionSide.Short)]), EuaMarket(), Fx);
        var exact = Black76OptionPricer.Greeks(option.Resolve(EuaMarket()));
        var m = risk.Positions[0].Measures!;
        Assert.Equal(-7 * exact.Price, m.Price.Value, 1e-9);
        Assert.Equal(-7 * exact.Delta, m.Delta.Value, 1e-9);
        Assert.Equal(-7 * exact.Vega, m.Vega.Value, 1e-9);
        Assert.Equal(GreekMethod.Analytic, m.Gamma.Method);
        Assert.Equal(-7 * exact.Price * 1.17, risk.Total.Measures.Price.Value, 1e-6);
    }

    [Fact]
    public void FxDelta_EqualsTheTotalsChangeWhenARateIsBumped()
    {
        var book = new Portfolio("EUR",
        [
            Long("eua", Option("EUA", OptionType.Call, 72, new DateOnly(2026, 12, 16), Dec26), 4),
            Long("uka", Option("UKA", OptionType.Put, 44, new DateOnly(2026, 12, 16), Dec26), 3),
            Long("cca", Option("CCA", OptionType.Call, 30, new DateOnly(2026, 11, 20), Dec26), 2),
        ]);
        var risk = PortfolioRiskEngine.Compute(book, EuaMarket(), Fx);
        Assert.Equal(["GBP", "USD"], risk.FxDelta.Keys);
        const double h = 0.01;
        var bumped = new FxRates("EUR", [new("GBP", 1.17 + h), new("USD", 0.92), new("CNY", 0.127)]);
        double change = PortfolioRiskEngine.Compute(book, EuaMarket(), bumped).Total.Measures.Price.Value - risk.Total.Measures.Price.Value;
        Assert.Equal(change / h, risk.FxDelta["GBP"], 1e-9 * Math.Abs(change / h));
    }
}

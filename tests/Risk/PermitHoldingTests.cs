using System.Collections.Immutable;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Risk.Margin;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// Pollution-permit holdings worked by hand: 4 Zhejiang NOx permits of 10 t a year, vintage 2024, valid 5 years (to the
/// end of 2028), on 2026-03-02 at the index's 5,316 CNY per tonne-year: 3 years left (2026 counted), worth
/// 4 x 10 x 5,316 x 3 = 637,920 CNY with a delta of 120 tonne-years.
/// </summary>
public sealed class PermitHoldingTests
{
    private const double Index = 5316;
    private static readonly DateOnly IndexDate = new(2026, 12, 31); // a curve's points lie after the valuation date: the index as this year's point
    private static readonly PollutionPermit NoxPermit = new("nox", 10, 2024, 5, Bankable: false);
    private static readonly PermitHolding Holding = new("ZJNOX", NoxPermit, 4, "CNY", IndexDate);
    private static readonly FxRates Cny = FxRates.Single("CNY");

    private static MarketSnapshot IndexMarket() => new(Today, new FlatDiscountCurve(Rate), [new("ZJNOX", new FuturesCurve(Today, [(IndexDate, Index)]))]);

    private static Portfolio Book(params Position[] positions) => new("CNY", [.. positions]);

    [Fact]
    public void PermitHolding_ValueAndDelta_AreTheTonneYearsLeftAtTheIndex()
    {
        var risk = PortfolioRiskEngine.Compute(Book(Long("P", Holding)), IndexMarket(), Cny);
        var measures = risk.Positions[0].Measures!;
        Assert.Equal(4 * 10 * Index * 3, measures.Price.Value, 1e-6);
        Assert.Equal(120, measures.Delta.Value, 1e-9);
        Assert.Equal(0, measures.Gamma.Value);
        Assert.Equal(4 * 10 * Index * 3, risk.ByTenor[new TenorKey("ZJNOX", IndexDate)].Measures.Price.Value, 1e-6);
        // A short holding is the negative; a bankable permit of the same terms is worth the same (banking moves use, not quantity).
        var shortBankable = new PermitHolding("ZJNOX", NoxPermit with { Bankable = true }, -4, "CNY", IndexDate);
        Assert.Equal(-4 * 10 * Index * 3, PortfolioRiskEngine.Compute(Book(Long("S", shortBankable)), IndexMarket(), Cny).Total.Measures.Price.Value, 1e-6);
        // A permit whose vintage is still ahead is worth all its years.
        var future = new PermitHolding("ZJNOX", NoxPermit with { Vintage = 2027 }, 1, "CNY", IndexDate);
        Assert.Equal(10 * Index * 5, PortfolioRiskEngine.Compute(Book(Long("V", future)), IndexMarket(), Cny).Total.Measures.Price.Value, 1e-6);
    }

    [Fact]
    public void PermitHolding_InMarginAndStress_ItsScanIsTheIndexMoveAndAYearEndTakesAYearOfUse()
    {
        var settings = new SpanSettings { Underlyings = ImmutableDictionary<string, ScanParameters>.Empty.Add("ZJNOX", new ScanParameters(0.2)) };
        Assert.Equal(0.2 * 637_920, SpanMargin.Compute(Book(Long("P", Holding)), IndexMarket(), Cny, settings).Total, 1e-6);

        // 305 days on is 2027-01-01: 2 years left. The index falls 20% meanwhile: 4 x 10 x 0.8 x 5,316 x 2 - 637,920.
        var scenario = new StressScenario("year end", "", ImmutableDictionary<string, double>.Empty.Add("ZJNOX", -0.2), Days: 305);
        var stress = StressTester.Run(Book(Long("P", Holding)), IndexMarket(), Cny, [scenario]);
        Assert.Equal(4 * 10 * 0.8 * Index * 2 - 637_920, stress.Results[0].ProfitAndLoss, 1e-6);
        var dayBefore = StressTester.Run(Book(Long("P", Holding)), IndexMarket(), Cny, [scenario with { Days = 304 }]);
        Assert.Equal(4 * 10 * 0.8 * Index * 3 - 637_920, dayBefore.Results[0].ProfitAndLoss, 1e-6);
    }

    [Theory]
    [InlineData(-1.0, 2024, 5, 4.0, "positions[P].instrument.permit.annualQuantity")]
    [InlineData(10.0, 2019, 5, 4.0, "positions[P].instrument.permit.validityYears")] // expired at the end of 2023
    [InlineData(10.0, 2024, 0, 4.0, "positions[P].instrument.permit.validityYears")]
    [InlineData(10.0, 2024, 5, 0.0, "positions[P].instrument.permits")]
    public void BadPermitTerms_AreRefusedNamingTheField(double annual, int vintage, int validity, double permits, string field)
    {
        var holding = new PermitHolding("ZJNOX", new PollutionPermit("nox", annual, vintage, validity, false), permits, "CNY", IndexDate);
        var risk = PortfolioRiskEngine.Compute(Book(Long("P", holding)), IndexMarket(), Cny);
        Assert.Equal(field, risk.Positions[0].Error!.Field);
    }

    [Fact]
    public void PriceDateBeforeTheValuationDate_IsRefusedNamingTheField()
    {
        var risk = PortfolioRiskEngine.Compute(Book(Long("P", Holding with { PriceDate = Today.AddDays(-1) })), IndexMarket(), Cny);
        Assert.Equal("positions[P].instrument.priceDate", risk.Positions[0].Error!.Field);
    }
}

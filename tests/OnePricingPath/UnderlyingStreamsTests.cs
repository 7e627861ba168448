using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.OnePricingPath;

/// <summary>
/// In one job, positions on one underlying share their paths and different underlyings draw independent random
/// numbers: the sample correlation of two positions' errors, read off the book's total standard error
/// (T² = a² + b² + 2ρab), is near 0 across underlyings and near 1 for two calls on the same one.
/// </summary>
public sealed class UnderlyingStreamsTests
{
    private static readonly MonteCarloSettings Simulation = new() { Paths = 40_000, Seed = 17 };

    [Fact]
    public void TwoUnderlyings_IndependentErrors()
    {
        double correlation = ErrorCorrelation(Option("EUA", OptionType.Call, 72, new DateOnly(2026, 9, 14), Dec26),
            Option("CCA", OptionType.Call, 30, new DateOnly(2026, 9, 14), Dec26));
        Assert.True(Math.Abs(correlation) < 0.05, $"sample correlation {correlation:F4} across underlyings"); // sd ≈ 0.005
    }

    [Fact]
    public void OneUnderlying_SharedPaths()
    {
        double correlation = ErrorCorrelation(Option("EUA", OptionType.Call, 72, new DateOnly(2026, 9, 14), Dec26),
            Option("EUA", OptionType.Call, 80, new DateOnly(2026, 9, 14), Dec26));
        Assert.True(correlation > 0.9, $"sample correlation {correlation:F4} on one underlying");
    }

    [Fact]
    public void SingleTrade_DrawsTheStreamsOfItsUnderlying()
    {
        // Priced alone, each option gives the bits it has in the book of both.
        var eua = Option("EUA", OptionType.Call, 72, new DateOnly(2026, 9, 14), Dec26);
        var cca = Option("CCA", OptionType.Call, 30, new DateOnly(2026, 9, 14), Dec26);
        var book = Book(eua, cca);
        var service = new ValuationService(SimulationLimits.Default);
        foreach (var (option, index) in new[] { (eua, 0), (cca, 1) })
        {
            var single = service.Value(new ValuationRequest
            {
                Instrument = option, Market = EuaMarket(), Method = ValuationMethod.MonteCarlo, MonteCarlo = Simulation,
            });
            Assert.Equal(single.Value, book.Positions[index].Measures!.Price.Value);
        }
    }

    private static double ErrorCorrelation(FuturesOption first, FuturesOption second)
    {
        var risk = Book(first, second);
        double a = risk.Positions[0].Measures!.Price.StandardError * risk.Positions[0].FxRate;
        double b = risk.Positions[1].Measures!.Price.StandardError * risk.Positions[1].FxRate;
        double total = risk.Total.Measures.Price.StandardError;
        return (total * total - a * a - b * b) / (2 * a * b);
    }

    private static PortfolioRisk Book(FuturesOption first, FuturesOption second) =>
        PortfolioRiskEngine.Compute(new Portfolio("EUR", [Long("first", first), Long("second", second)]), EuaMarket(), Fx,
            new RiskSettings { Method = ValuationMethod.MonteCarlo, MonteCarlo = Simulation });
}

using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Docs;

/// <summary>
/// The README's "Example" section, as code that must compile and give the numbers it claims: a Merton Monte Carlo
/// price within 4 SE of the Merton closed form, and a book of that option and a future whose risk equals the sum
/// of its trades priced alone.
/// </summary>
public sealed class ReadmeExampleTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly Dec26 = new(2026, 12, 21);

    private static MarketSnapshot Market() => new(Today, new FlatDiscountCurve(0.025),
        [new("EUA", new FuturesCurve(Today, [(Dec26, 70.76), (new DateOnly(2027, 12, 20), 72.83)]))],
        [new("EUA", new FlatVolSurface(0.46))]);

    // ICE EUA Dec-26 call, strike 75, expiring 2026-12-16, one lot = 1,000 t.
    private static readonly FuturesOption Call = new("EUA", OptionType.Call, 75, new DateOnly(2026, 12, 16), Dec26, 1000, "EUR");
    private static readonly ValuationModel Merton = new MertonDynamics(new LogNormalJumps(6.1, -0.029, 0.083));

    [Fact]
    public void MertonMonteCarlo_IsWithinFourStandardErrorsOfTheMertonSeries()
    {
        var service = new ValuationService(SimulationLimits.Default);
        var closedForm = service.Value(new ValuationRequest { Instrument = Call, Market = Market(), Model = Merton, Quantity = 10, Greeks = true });
        var monteCarlo = service.Value(new ValuationRequest
        {
            Instrument = Call, Market = Market(), Model = Merton, Quantity = 10, Greeks = true,
            Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 200_000, Seed = 7, Antithetic = true, ControlVariate = true },
        });

        Assert.Equal("analytic-merton", closedForm.Method);
        Assert.Equal("monte-carlo-merton", monteCarlo.Method);
        Assert.True(monteCarlo.StandardError > 0);
        Assert.InRange(monteCarlo.Value, closedForm.Value - 4 * monteCarlo.StandardError, closedForm.Value + 4 * monteCarlo.StandardError);
        var delta = monteCarlo.Greeks!.Delta;
        Assert.InRange(delta.Value, closedForm.Greeks!.Delta.Value - 4 * delta.StandardError, closedForm.Greeks.Delta.Value + 4 * delta.StandardError);
    }

    [Fact]
    public void BookRisk_EqualsItsTradesPricedAlone()
    {
        var future = new AllowanceFuture("EUA", Dec26, 1000, "EUR");
        var portfolio = new Portfolio("EUR", [new Position("P1", Call, Lots: 10, PositionSide.Long),
                                              new Position("P2", future, Lots: 5, PositionSide.Short, TradePrice: 68.0)]);
        var settings = new RiskSettings
        {
            Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 100_000, Seed = 1, Antithetic = true },
            DefaultModel = Merton,
        };
        var risk = PortfolioRiskEngine.Compute(portfolio, Market(), FxRates.Single("EUR"), settings);

        var service = new ValuationService(SimulationLimits.Default);
        var option = service.Value(new ValuationRequest
        {
            Instrument = Call, Market = Market(), Model = Merton, Quantity = 10, Greeks = true,
            Method = ValuationMethod.MonteCarlo, MonteCarlo = settings.MonteCarlo,
        });
        double futureValue = -5 * 1000 * (70.76 - 68.0);
        Assert.Empty(risk.Errors);
        Assert.Equal(option.Value + futureValue, risk.Total.Measures.Price.Value, 1e-6);
        Assert.Equal(option.Greeks!.Delta.Value - 5 * 1000, risk.Total.Measures.Delta.Value, 1e-6);
    }
}

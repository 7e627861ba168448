using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Heston;

/// <summary>
/// Andersen's QE scheme with the martingale correction against the Lewis Fourier price (itself checked against QLNet in
/// <see cref="HestonFourierTests"/>): 12 cases, 6 of them violating the Feller condition (where an Euler scheme's
/// variance goes negative and its bias is largest), within 4 SE at 100,000 paths; the terminal mean is the futures
/// price (the correction makes F a martingale); and the engine's own pricer chooses the Fourier price or the QE
/// simulation by method.
/// </summary>
public class HestonMonteCarloTests
{
    public static TheoryData<OptionType, double, double, double, double, double, double, double, double, int> Cases => new()
    {
        // type, F, K, T, v0, kappa, theta, xi, rho, steps
        { OptionType.Call, 70, 70, 1, 0.16, 2, 0.16, 0.5, -0.5, 1 },
        { OptionType.Put, 70, 60, 1, 0.16, 2, 0.16, 0.5, -0.5, 4 },
        { OptionType.Call, 80, 80, 0.5, 0.25, 1.5, 0.25, 1.5, -0.9, 1 },    // Feller violated
        { OptionType.Put, 80, 70, 0.5, 0.25, 1.5, 0.25, 1.5, -0.9, 2 },     // Feller violated
        { OptionType.Call, 60, 75, 2, 0.1, 0.5, 0.1, 1.0, -0.95, 1 },       // Feller violated
        { OptionType.Put, 60, 45, 2, 0.1, 0.5, 0.1, 1.0, -0.95, 8 },        // Feller violated
        { OptionType.Call, 90, 100, 0.25, 0.06, 5, 0.09, 0.4, 0.3, 1 },
        { OptionType.Put, 25, 30, 4, 0.09, 2, 0.06, 2.0, -0.8, 1 },         // Feller far violated
        { OptionType.Call, 100, 100, 3, 0.04, 1, 0.04, 0.3, -0.7, 12 },
        { OptionType.Put, 75, 72, 0.1, 0.3, 4, 0.15, 0.9, -0.5, 1 },        // Feller violated
        { OptionType.Call, 40, 42, 1.5, 0.5, 0.3, 0.3, 0.5, -0.2, 3 },
        { OptionType.Put, 40, 38, 1, 0.01, 10, 0.05, 0.2, 0, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void QuadraticExponential_WithinFourStandardErrorsOfFourierPrice(OptionType type, double forward, double strike, double expiry,
        double v0, double kappa, double theta, double xi, double rho, int steps)
    {
        var parameters = new HestonParameters(kappa, theta, xi, rho);
        const double df = 0.97;
        double reference = HestonFourier.Price(type, forward, strike, expiry, v0, parameters, df);
        var estimate = MonteCarloSimulator.Run(new HestonModel(forward, v0, parameters), TimeGrid.Uniform(expiry, steps), new EuropeanPayoff(type, strike),
            new MonteCarloSettings { Paths = 100_000, Seed = 16, Antithetic = steps % 2 == 0, ControlVariate = steps % 3 == 0 }).Scale(df);
        McAssert.WithinStandardErrors(reference, estimate, label: $"{type} K={strike} T={expiry} ξ={xi} feller={parameters.FellerConditionHolds}");
    }

    [Fact]
    public void TerminalMean_IsTheFuturesPrice_EvenWithFellerViolated()
    {
        var model = new HestonModel(70, 0.25, new HestonParameters(1.5, 0.25, 1.5, -0.9));
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(1.0, 4), new EuropeanPayoff(OptionType.Call, 1e-9),
            new MonteCarloSettings { Paths = 100_000, Seed = 17 });
        McAssert.WithinStandardErrors(70 - 1e-9, estimate);
    }

    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly Dec26 = new(2026, 12, 21);
    private static readonly FuturesOption Put = new("EUA", OptionType.Put, 65, new DateOnly(2026, 12, 16), Dec26, 1000, "EUR");
    private static readonly HestonDynamics Heston = new(new HestonParameters(2, 0.16, 0.5, -0.5));

    private static MarketSnapshot Market() => new(Today, new FlatDiscountCurve(0.025),
        [new("EUA", new FuturesCurve(Today, [(Dec26, 70.76)]))], [new("EUA", new FlatVolSurface(0.35))]);

    [Fact]
    public void ValuationService_ClosedFormIsTheFourierPriceAtTheMarketVariance_AndMonteCarloAgrees()
    {
        var service = new ValuationService(SimulationLimits.Default);
        var closed = service.Value(new ValuationRequest { Instrument = Put, Market = Market(), Model = Heston, Greeks = true });
        var simulated = service.Value(new ValuationRequest
        {
            Instrument = Put, Market = Market(), Model = Heston, Greeks = true, Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 100_000, Seed = 18, ControlVariate = true },
        });

        var resolved = Put.Resolve(Market());
        double reference = 1000 * HestonFourier.Price(OptionType.Put, resolved.Forward, 65, resolved.Expiry, 0.35 * 0.35, Heston.Parameters,
            resolved.DiscountFactor);
        Assert.Equal("analytic-heston", closed.Method);
        Assert.Equal(reference, closed.Value, 1e-9);
        Assert.True(closed.Greeks!.Delta.Value < 0 && closed.Greeks.Vega.Value > 0, "a put's delta is negative and its vega (through v0) positive");
        Assert.Equal("monte-carlo-heston", simulated.Method);
        McAssert.WithinStandardErrors(reference, simulated);
        McAssert.WithinStandardErrors(closed.Greeks.Delta.Value, simulated.Greeks!.Delta, label: "delta");
    }

    [Fact]
    public void BookRisk_UnderHeston_EqualsItsTradesPricedAlone()
    {
        var portfolio = new Portfolio("EUR", [new Position("P1", Put, Lots: 10, PositionSide.Long)]);
        var settings = new RiskSettings
        {
            Method = ValuationMethod.MonteCarlo,
            MonteCarlo = new MonteCarloSettings { Paths = 50_000, Seed = 19 },
            DefaultModel = Heston,
        };
        var risk = PortfolioRiskEngine.Compute(portfolio, Market(), FxRates.Single("EUR"), settings);
        var alone = new ValuationService(SimulationLimits.Default).Value(new ValuationRequest
        {
            Instrument = Put, Market = Market(), Model = Heston, Quantity = 10, Greeks = true,
            Method = ValuationMethod.MonteCarlo, MonteCarlo = settings.MonteCarlo,
        });
        Assert.Empty(risk.Errors);
        Assert.Equal(alone.Value, risk.Total.Measures.Price.Value, 1e-6);
        Assert.Equal(alone.Greeks!.Delta.Value, risk.Total.Measures.Delta.Value, 1e-6);
    }

    [Fact]
    public void SpreadOptions_UnderHeston_AreRefusedNamingTheModel()
    {
        var spread = SpreadOption.Calendar("EUA", Dec26, new DateOnly(2027, 12, 20), OptionType.Call, 1, new DateOnly(2026, 12, 16), 1000, "EUR");
        var error = Assert.Throws<Engine.Validation.InvalidInputException>(() => new ValuationService(SimulationLimits.Default).Value(
            new ValuationRequest { Instrument = spread, Market = Market(), Model = Heston, Method = ValuationMethod.MonteCarlo }));
        Assert.Equal("model", error.Field);
    }
}

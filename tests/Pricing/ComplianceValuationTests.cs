using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Validation;
using Xunit;

namespace CarbonDerivatives.Tests.Pricing;

/// <summary>
/// Futures options under the structural compliance model through the valuation service: calibrated to the market's
/// ATM vol, an ATM option costs what Black-76 says at that vol; with a given β the value is the model's integral
/// and Monte Carlo agrees within 4 SE; a futures price at or above the penalty is refused.
/// </summary>
public sealed class ComplianceValuationTests
{
    private static readonly DateOnly Today = new(2026, 3, 2), Expiry = new(2026, 9, 16), Compliance = new(2026, 12, 21);
    private static readonly ValuationService Service = new(SimulationLimits.Default);

    private static MarketSnapshot Market(double forward = 70.76) => new(Today, new FlatDiscountCurve(0.03),
        [new("EUA", new FuturesCurve(Today, [(Compliance, forward)]))], [new("EUA", new FlatVolSurface(0.46))]);

    private static ValuationRequest Request(double strike, double? beta, double forward = 70.76, bool monteCarlo = false) => new()
    {
        Instrument = new FuturesOption("EUA", OptionType.Call, strike, Expiry, Compliance, 1000, "EUR"),
        Market = Market(forward),
        Model = new ComplianceDynamics(100, beta),
        Method = monteCarlo ? ValuationMethod.MonteCarlo : ValuationMethod.Analytic,
        MonteCarlo = new MonteCarloSettings { Paths = 200_000, Seed = 29 },
        Greeks = true,
    };

    [Fact]
    public void CalibratedToTheMarketVol_AtTheMoneyPriceIsBlack76s()
    {
        var v = Service.Value(Request(70.76, beta: null));
        var atm = ((FuturesOption)Request(70.76, null).Instrument).Resolve(Market());
        Assert.Equal(Black76OptionPricer.Price(atm), v.Value, 1e-6 * v.Value);
        Assert.Equal("analytic-compliance", v.Method);
        Assert.True(v.Greeks!.Vega.Value > 0, "vega: to the market vol the model is calibrated to");
    }

    [Fact]
    public void GivenExponent_IsTheModelsIntegral_AndMonteCarloAgrees()
    {
        var market = Market();
        double expiry = market.TimeTo(Expiry), delivery = market.TimeTo(Compliance);
        double expected = 1000 * CompliancePenalty.OptionPrice(new CompliancePenaltyModel(100, delivery, 70.76, 0.8), OptionType.Call, 75, expiry,
            Math.Exp(-0.03 * expiry));
        var analytic = Service.Value(Request(75, 0.8));
        Assert.Equal(expected, analytic.Value, 1e-9 * expected);
        Assert.Equal(0, analytic.Greeks!.Vega.Value, 1e-9); // β given: the market vol plays no part
        var mc = Service.Value(Request(75, 0.8, monteCarlo: true) with { Greeks = false });
        Assert.True(Math.Abs(mc.Value - expected) < 4 * mc.StandardError, $"{mc.Value} ± {mc.StandardError} vs {expected}");
        Assert.Equal("monte-carlo-compliance", mc.Method);
    }

    [Fact]
    public void FuturesPriceAtThePenalty_Refused() =>
        Assert.Equal("model.compliance.penalty", Assert.Throws<InvalidInputException>(() => Service.Value(Request(75, 0.8, forward: 100))).Field);
}

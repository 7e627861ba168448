using CarbonDerivatives.Engine.Numerics;
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
/// The valuation facade: Monte Carlo Greeks (common random numbers) against the Black-76 closed-form
/// Greeks and against finite differences of the Merton series, within 4 SE; quantity and sign; futures.
/// </summary>
public class ValuationServiceTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly ValuationService Service = new(SimulationLimits.Default);
    private static readonly LogNormalJumps EuaJumps = new(6.1, -0.029, 0.083);

    private static MarketSnapshot Market(double vol = 0.46) => new(Today, new FlatDiscountCurve(0.03),
        [new("EUA", new FuturesCurve(Today, [(new DateOnly(2026, 12, 21), 70.76), (new DateOnly(2027, 12, 20), 72.83)]))],
        [new("EUA", new FlatVolSurface(vol))]);

    private static FuturesOption Option(OptionType type, double strike, DateOnly? expiry = null) =>
        new("EUA", type, strike, expiry ?? new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 21), 1000, "EUR");

    public static TheoryData<OptionType, double> Strikes => new()
    {
        { OptionType.Call, 55 }, { OptionType.Call, 71 }, { OptionType.Call, 90 },
        { OptionType.Put, 55 }, { OptionType.Put, 71 }, { OptionType.Put, 90 },
    };

    [Theory]
    [MemberData(nameof(Strikes))]
    public void MonteCarloGreeks_Black76_WithinFourSEOfClosedFormGreeks(OptionType type, double strike)
    {
        var request = new ValuationRequest
        {
            Instrument = Option(type, strike), Market = Market(), Method = ValuationMethod.MonteCarlo, Greeks = true,
            MonteCarlo = new MonteCarloSettings { Paths = 400_000, Seed = 51 },
        };
        var mc = Service.Value(request);
        var exact = Black76OptionPricer.Greeks(Option(type, strike).Resolve(Market()));
        Within(exact.Price, mc.Value, mc.StandardError, "price");
        Within(exact.Delta, mc.Greeks!.Delta, "delta");
        Within(exact.Gamma, mc.Greeks.Gamma, "gamma");
        Within(exact.Vega, mc.Greeks.Vega, "vega");
        Within(exact.Theta, mc.Greeks.Theta, "theta");
        Within(exact.Rho, mc.Greeks.Rho, "rho");
        Assert.Equal("monte-carlo-black76", mc.Method);
    }

    [Theory]
    [MemberData(nameof(Strikes))]
    public void MonteCarloGreeks_Merton_WithinFourSEOfFiniteDifferencesOfTheSeries(OptionType type, double strike)
    {
        var model = new MertonDynamics(EuaJumps);
        var analytic = Service.Value(new ValuationRequest { Instrument = Option(type, strike), Market = Market(), Model = model, Greeks = true });
        var mc = Service.Value(new ValuationRequest
        {
            Instrument = Option(type, strike), Market = Market(), Model = model, Method = ValuationMethod.MonteCarlo, Greeks = true,
            MonteCarlo = new MonteCarloSettings { Paths = 400_000, Seed = 52 },
        });
        Within(analytic.Value, mc.Value, mc.StandardError, "price");
        foreach (var (name, a, m) in new[]
                 {
                     ("delta", analytic.Greeks!.Delta, mc.Greeks!.Delta), ("gamma", analytic.Greeks.Gamma, mc.Greeks.Gamma),
                     ("vega", analytic.Greeks.Vega, mc.Greeks.Vega), ("theta", analytic.Greeks.Theta, mc.Greeks.Theta),
                     ("rho", analytic.Greeks.Rho, mc.Greeks.Rho),
                 })
            Within(a.Value, m.Value, m.StandardError, name);
    }

    [Theory]
    [MemberData(nameof(Strikes))]
    public void AnalyticMerton_NoJumps_GreeksEqualBlack76ClosedForm(OptionType type, double strike)
    {
        var merton = Service.Value(new ValuationRequest
        {
            Instrument = Option(type, strike), Market = Market(), Model = new MertonDynamics(new LogNormalJumps(0, 0, 0)), Greeks = true,
        });
        var exact = Black76OptionPricer.Greeks(Option(type, strike).Resolve(Market()));
        Assert.Equal(exact.Price, merton.Value, 1e-9 * exact.Price);
        Assert.Equal(exact.Delta, merton.Greeks!.Delta.Value, 1e-6 * 1000);
        Assert.Equal(exact.Gamma, merton.Greeks.Gamma.Value, 1e-4 * Math.Abs(exact.Gamma) + 1e-6);
        Assert.Equal(exact.Vega, merton.Greeks.Vega.Value, 1e-5 * Math.Abs(exact.Vega) + 1e-3);
        Assert.Equal(exact.Theta, merton.Greeks.Theta.Value, 1e-5 * Math.Abs(exact.Theta) + 1e-3);
        Assert.Equal(exact.Rho, merton.Greeks.Rho.Value, 1e-5 * Math.Abs(exact.Rho) + 1e-3);
    }

    [Fact]
    public void Value_ShortFiveLots_FiveTimesNegatedSingleLot()
    {
        var one = Service.Value(new ValuationRequest { Instrument = Option(OptionType.Call, 71), Market = Market(), Greeks = true });
        var shortFive = Service.Value(new ValuationRequest { Instrument = Option(OptionType.Call, 71), Market = Market(), Greeks = true, Quantity = -5 });
        Assert.Equal(-5 * one.Value, shortFive.Value, 1e-9);
        Assert.Equal(-5 * one.Greeks!.Delta.Value, shortFive.Greeks!.Delta.Value, 1e-9);
    }

    [Fact]
    public void Value_LongFuture_LotTimesPriceChangeAndDeltaLot()
    {
        var future = new AllowanceFuture("EUA", new DateOnly(2026, 12, 21), 1000, "EUR");
        var v = Service.Value(new ValuationRequest { Instrument = future, TradePrice = 68.50, Quantity = 3, Market = Market(), Greeks = true });
        Assert.Equal(3 * 1000 * (70.76 - 68.50), v.Value, 1e-6);
        Assert.Equal(3000, v.Greeks!.Delta.Value);
        Assert.Equal(0, v.Greeks.Gamma.Value);
    }

    [Theory]
    [InlineData(0.0, "quantity")]
    [InlineData(double.NaN, "quantity")]
    public void Value_BadQuantity_InvalidInputNamingQuantity(double quantity, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(() =>
            Service.Value(new ValuationRequest { Instrument = Option(OptionType.Call, 71), Market = Market(), Quantity = quantity })).Field);

    [Fact]
    public void Value_ExpiryBeforeValuationDate_InvalidInputNamingExpiry() =>
        Assert.Equal("instrument.expiry", Assert.Throws<InvalidInputException>(() =>
            Service.Value(new ValuationRequest { Instrument = Option(OptionType.Call, 71, new DateOnly(2026, 1, 5)), Market = Market() })).Field);

    [Fact]
    public void Value_FutureWithoutTradePrice_InvalidInputNamingTradePrice() =>
        Assert.Equal("instrument.tradePrice", Assert.Throws<InvalidInputException>(() =>
            Service.Value(new ValuationRequest { Instrument = new AllowanceFuture("EUA", new DateOnly(2026, 12, 21), 1000, "EUR"), Market = Market() })).Field);

    [Fact]
    public void Value_UnknownUnderlying_InvalidInputNamingMarketCurve()
    {
        var option = new FuturesOption("UKA", OptionType.Call, 40, new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 21), 1000, "GBP");
        Assert.Equal("market.futures[UKA]", Assert.Throws<InvalidInputException>(() =>
            Service.Value(new ValuationRequest { Instrument = option, Market = Market() })).Field);
    }

    private static void Within(double reference, GreekEstimate figure, string name) => Within(reference, figure.Value, figure.StandardError, name);

    private static void Within(double reference, double value, double standardError, string name)
    {
        Assert.True(standardError > 0, $"{name}: SE must be positive");
        Assert.True(Math.Abs(value - reference) < 4 * standardError,
            $"{name}: MC {value:G8} ± {standardError:G3} vs reference {reference:G8} ({Math.Abs(value - reference) / standardError:F2} SE)");
    }
}

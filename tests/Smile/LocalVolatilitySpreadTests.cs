using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Calibration.Smile;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Market.Smile;
using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Smile;

/// <summary>
/// Spread options on legs with smile surfaces are simulated with each leg under its local volatility, correlated: each leg's
/// marginal reprices its smile's Europeans, and on a flat smile the spread is Margrabe's. References: Black-76 at the
/// strike's smile vol, Margrabe (1978) and its derivatives; |MC − reference| &lt; 4 SE, fixed seeds.
/// </summary>
public sealed class LocalVolatilitySpreadTests
{
    private static readonly DateOnly Today = new(2026, 3, 2), Expiry = new(2026, 12, 16), Delivery = new(2026, 12, 21);
    private static readonly double T = DayCount.YearFraction(Today, Expiry), Df = Math.Exp(-0.03 * T);
    private const double Lot = 1000, Rho = 0.7;

    /// <summary>EUA and UKA Dec-26 futures, both at 70.76, each with the given surface.</summary>
    private static MarketSnapshot Market(IVolSurface eua, IVolSurface uka) => new(Today, new FlatDiscountCurve(0.03),
        [new("EUA", new FuturesCurve(Today, [(Delivery, SmileQuotes.EuaDec26)])), new("UKA", new FuturesCurve(Today, [(Delivery, SmileQuotes.EuaDec26)]))],
        [new("EUA", eua), new("UKA", uka)]);

    private static SmileSurface EuaSmile() =>
        VolSurfaceCalibration.Calibrate([SmileQuotes.EuaDec26Smile()], new SmileCalibrationSettings(SmileModel.Svi)).Surface;

    /// <summary>SABR with β = 1 and ν = 0 is a flat α: local vol α everywhere.</summary>
    private static SmileSurface Flat(double vol) => new(new[] { 0.25, 1.5 }.Select(t => new SabrSlice(t, SmileQuotes.EuaDec26, new SabrParameters(vol, 1, 0, 0))));

    private static Valuation Value(SpreadOption option, MarketSnapshot market, bool greeks, long paths = 100_000) =>
        new ValuationService(SimulationLimits.Default).Value(new ValuationRequest
        {
            Instrument = option, Market = market, Method = ValuationMethod.MonteCarlo, Greeks = greeks,
            Correlation = new FixedCorrelation(Rho), MonteCarlo = new MonteCarloSettings { Paths = paths, Seed = 17, Antithetic = true, ControlVariate = true },
        });

    [Theory]
    [InlineData(55.0)]
    [InlineData(75.0)]
    [InlineData(95.0)]
    public void EachLegsMarginal_RepricesItsSmilesEuropean(double strike)
    {
        // Leg 1 alone: a call on F_EUA − 1e-9·F_UKA at K is the EUA call at K (the other leg weighs nothing). Leg 2 alone: a
        // put on 1e-9·F_EUA − F_UKA at −K pays max(F_UKA − K, 0). Both surfaces are the EUA Dec-26 SVI fit (put skew).
        var smile = EuaSmile();
        var market = Market(smile, smile);
        double reference = Lot * Black76.Price(OptionType.Call, SmileQuotes.EuaDec26, strike, T, smile.Volatility(T, strike), Df);
        var leg1 = Value(new SpreadOption(new SpreadLeg("EUA", Delivery), new SpreadLeg("UKA", Delivery, 1e-9), OptionType.Call, strike, Expiry, Lot, "EUR"),
            market, greeks: false);
        var leg2 = Value(new SpreadOption(new SpreadLeg("EUA", Delivery, 1e-9), new SpreadLeg("UKA", Delivery), OptionType.Put, -strike, Expiry, Lot, "EUR"),
            market, greeks: false);
        Assert.Equal("monte-carlo-local-vol", leg1.Method);
        foreach (var (leg, v) in new[] { ("leg 1", leg1), ("leg 2", leg2) })
            Assert.True(Math.Abs(v.Value - reference) < 4 * v.StandardError,
                $"{leg}: {v.Value:F2} ± {v.StandardError:F2} vs smile European {reference:F2} (vol {smile.Volatility(T, strike):P2})");
        // The check tells the smile apart: the ATM vol's price lies outside the tolerance.
        double atm = Lot * Black76.Price(OptionType.Call, SmileQuotes.EuaDec26, strike, T, smile.Volatility(T, SmileQuotes.EuaDec26), Df);
        if (strike != 75.0)
            Assert.True(Math.Abs(atm - reference) > 4 * leg1.StandardError, $"ATM-vol price {atm:F2} vs smile {reference:F2}, SE {leg1.StandardError:F2}");
    }

    [Fact]
    public void OnAFlatSmile_TheExchangeOptionAndItsGreeksAreMargrabes()
    {
        // Flat 45% on EUA (a smile surface, so local vol) and a Black-76 UKA leg at 35%: a mixed pair of legs.
        var market = Market(Flat(0.45), new FlatVolSurface(0.35));
        var option = new SpreadOption(new SpreadLeg("EUA", Delivery), new SpreadLeg("UKA", Delivery), OptionType.Call, 0, Expiry, Lot, "EUR");
        var v = Value(option, market, greeks: true, paths: 40_000);
        Assert.Equal("monte-carlo-local-vol", v.Method);
        double f = SmileQuotes.EuaDec26;
        double Margrabe(double f1, double f2, double s1, double s2, double rho) => Lot * Engine.Analytics.Margrabe.Price(OptionType.Call, f1, f2, T, s1, s2, rho, Df);
        double price = Margrabe(f, f, 0.45, 0.35, Rho);
        Assert.True(Math.Abs(v.Value - price) < 4 * v.StandardError, $"{v.Value:F2} ± {v.StandardError:F2} vs Margrabe {price:F2}");

        // Greeks: Margrabe's own derivatives by fine central differences; each CRN estimate within 4 SE plus the O(h²) of its
        // 1% (price) / 1-point (vol) / 0.01 (correlation) bump, bounded here by 1% of the Greek.
        double d = 1e-5;
        var g = v.SpreadGreeks!;
        (string Name, GreekEstimate Estimate, double Reference)[] checks =
        [
            ("delta1", g.Delta1, (Margrabe(f + d, f, 0.45, 0.35, Rho) - Margrabe(f - d, f, 0.45, 0.35, Rho)) / (2 * d)),
            ("delta2", g.Delta2, (Margrabe(f, f + d, 0.45, 0.35, Rho) - Margrabe(f, f - d, 0.45, 0.35, Rho)) / (2 * d)),
            ("vega1", g.Vega1, (Margrabe(f, f, 0.45 + d, 0.35, Rho) - Margrabe(f, f, 0.45 - d, 0.35, Rho)) / (2 * d)),
            ("vega2", g.Vega2, (Margrabe(f, f, 0.45, 0.35 + d, Rho) - Margrabe(f, f, 0.45, 0.35 - d, Rho)) / (2 * d)),
            ("correlation", g.CorrelationSensitivity, (Margrabe(f, f, 0.45, 0.35, Rho + d) - Margrabe(f, f, 0.45, 0.35, Rho - d)) / (2 * d)),
        ];
        foreach (var (name, estimate, reference) in checks)
            Assert.True(Math.Abs(estimate.Value - reference) < 4 * estimate.StandardError + 0.01 * Math.Abs(reference),
                $"{name}: {estimate.Value:F3} ± {estimate.StandardError:F3} vs Margrabe {reference:F3}");
    }
}

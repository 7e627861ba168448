using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Validation;
using MathNet.Numerics.Distributions;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// The compliance model's option integral (Carmona &amp; Hinz 2011) against the bivariate-normal closed
/// form (QLNet's Genz/West Φ₂), Sheppard's exact orthant formula, its digital and intrinsic limits,
/// put–call parity and the no-arbitrage bounds; the implied volatility against the small-time limit of
/// the model's local volatility; the calibration round trip; bad input named by field.
/// </summary>
public class CompliancePenaltyTests
{
    private const double Penalty = 100; // EU ETS excess-emissions penalty, EUR/t (Directive 2003/87/EC art. 16(3))

    public static TheoryData<OptionType, double, double, double, double, double> BivariateCases => new()
    {
        // type, A0/π, τ, T, β, K/π
        { OptionType.Call, 0.70, 0.25, 1.0, 1.0, 0.75 },   // EUA Dec future at EUR 70, quarterly option
        { OptionType.Put, 0.70, 0.25, 1.0, 1.0, 0.60 },
        { OptionType.Call, 0.10, 0.50, 1.0, 0.5, 0.05 },   // cheap allowances: compliance unlikely to bind
        { OptionType.Put, 0.10, 0.50, 1.0, 0.5, 0.15 },
        { OptionType.Call, 0.90, 0.90, 1.0, 2.0, 0.95 },   // tight cap, close to the compliance date
        { OptionType.Put, 0.90, 0.90, 1.0, 2.0, 0.80 },
        { OptionType.Call, 0.50, 0.999, 1.0, 1.0, 0.50 },  // s ≈ 31: the price is nearly a digital
        { OptionType.Put, 0.35, 0.999, 1.0, 3.0, 0.10 },   // s ≈ 1000
        { OptionType.Call, 0.30, 0.01, 2.0, 0.2, 0.31 },   // s ≈ 0.03: short expiry, low β
        { OptionType.Put, 0.30, 0.01, 2.0, 0.2, 0.29 },
        { OptionType.Call, 0.60, 2.5, 3.0, 0.05, 0.40 },   // deep ITM, small β
        { OptionType.Put, 0.45, 1.5, 3.0, 8.0, 0.55 },
        { OptionType.Call, 0.20, 0.40, 0.5, 1.5, 0.99 },   // strike just below the penalty
        { OptionType.Put, 0.80, 0.40, 0.5, 1.5, 0.01 },
    };

    [Theory]
    [MemberData(nameof(BivariateCases))]
    public void OptionPrice_MatchesBivariateNormalClosedForm(OptionType type, double moneyness, double expiry, double complianceDate,
        double exponent, double strikeRatio)
    {
        var model = new CompliancePenaltyModel(Penalty, complianceDate, moneyness * Penalty, exponent);
        double df = Math.Exp(-0.025 * expiry);
        double reference = ComplianceBivariateNormalReference.Price(type, Penalty, complianceDate, moneyness * Penalty, exponent,
            strikeRatio * Penalty, expiry, df);
        double price = CompliancePenalty.OptionPrice(model, type, strikeRatio * Penalty, expiry, df);
        Assert.True(Math.Abs(price - reference) < 1e-11 * Penalty, $"integral {price:R} vs Φ₂ closed form {reference:R}");
    }

    [Theory]
    [InlineData(0.1, 1.0, 1.0)]
    [InlineData(0.5, 1.0, 1.0)]
    [InlineData(0.99, 1.0, 1.0)]
    [InlineData(0.3, 2.0, 0.4)]
    [InlineData(1.5, 2.0, 6.0)]
    public void OptionPrice_AtHalfPenaltyAtTheMoney_MatchesSheppardOrthantFormula(double expiry, double complianceDate, double exponent)
    {
        // A0 = K = π/2 puts the boundary at x* = 0 with y0 = 0, and Φ₂(0, 0; ρ) = 1/4 + arcsin(ρ)/2π
        // (Sheppard 1898), so call = DF·π·arcsin(ρ)/2π with ρ² = 1 − (1 − τ/T)^β: a reference in closed form.
        var model = new CompliancePenaltyModel(Penalty, complianceDate, Penalty / 2, exponent);
        double rho = Math.Sqrt(1 - Math.Pow(1 - expiry / complianceDate, exponent));
        double df = 0.97;
        double expected = df * Penalty * Math.Asin(rho) / (2 * Math.PI);
        Assert.Equal(expected, CompliancePenalty.OptionPrice(model, OptionType.Call, Penalty / 2, expiry, df), 11);
        Assert.Equal(expected, CompliancePenalty.OptionPrice(model, OptionType.Put, Penalty / 2, expiry, df), 11);
    }

    [Theory]
    [InlineData(0.7, 0.5, 1.0, 1.0)]
    [InlineData(0.2, 0.95, 1.0, 0.3)]
    [InlineData(0.85, 0.1, 4.0, 4.0)]
    public void OptionPrice_CallMinusPut_IsDiscountedForwardMinusStrike(double moneyness, double expiry, double complianceDate, double exponent)
    {
        var model = new CompliancePenaltyModel(Penalty, complianceDate, moneyness * Penalty, exponent);
        double df = 0.95;
        foreach (double strike in new[] { 1.0, 25, 50, 70, 85, 99.9, 100, 130 })
        {
            double call = CompliancePenalty.OptionPrice(model, OptionType.Call, strike, expiry, df);
            double put = CompliancePenalty.OptionPrice(model, OptionType.Put, strike, expiry, df);
            Assert.Equal(df * (model.InitialPrice - strike), call - put, 11);
        }
    }

    [Fact]
    public void OptionPrice_StaysWithinNoArbitrageBounds()
    {
        // A_τ ∈ [0, π] with mean A_0: intrinsic (Jensen) ≤ value ≤ DF·(π − K)·A_0/π for a call (the digital
        // at τ = T is the most dispersed law in [0, π] with mean A_0), and value ≤ DF·K for a put.
        double df = 0.9;
        foreach (double moneyness in new[] { 0.05, 0.3, 0.5, 0.75, 0.95 })
        foreach (double exponent in new[] { 0.1, 1.0, 5.0 })
        foreach (double expiry in new[] { 0.05, 0.5, 0.95, 1.0 })
        foreach (double strike in new[] { 2.0, 30, 60, 90, 98 })
        {
            var model = new CompliancePenaltyModel(Penalty, 1.0, moneyness * Penalty, exponent);
            double call = CompliancePenalty.OptionPrice(model, OptionType.Call, strike, expiry, df);
            double put = CompliancePenalty.OptionPrice(model, OptionType.Put, strike, expiry, df);
            const double slack = 1e-12;
            Assert.InRange(call, df * Math.Max(model.InitialPrice - strike, 0) - slack, df * (Penalty - strike) * moneyness + slack);
            Assert.InRange(put, df * Math.Max(strike - model.InitialPrice, 0) - slack, df * strike * (1 - moneyness) + slack);
            Assert.True(call <= df * Penalty && put <= df * Penalty);
        }
    }

    [Theory]
    [InlineData(OptionType.Call, 0.7, 60.0)]
    [InlineData(OptionType.Put, 0.7, 60.0)]
    [InlineData(OptionType.Call, 0.25, 110.0)]
    [InlineData(OptionType.Put, 0.25, 110.0)]
    public void OptionPrice_AtComplianceDate_IsTheDigitalAndTheLimitFromBefore(OptionType type, double moneyness, double strike)
    {
        // At T the allowance is worth π with probability A_0/π and 0 otherwise.
        var model = new CompliancePenaltyModel(Penalty, 1.0, moneyness * Penalty, 1.0);
        double digital = type == OptionType.Call
            ? moneyness * Math.Max(Penalty - strike, 0)
            : moneyness * Math.Max(strike - Penalty, 0) + (1 - moneyness) * strike;
        Assert.Equal(digital, CompliancePenalty.OptionPrice(model, type, strike, 1.0, 1.0), 12);
        // One millionth of a year before T: s ≈ 1000, within 1e-3·π of the digital.
        Assert.Equal(digital, CompliancePenalty.OptionPrice(model, type, strike, 1 - 1e-6, 1.0), 1e-3 * Penalty);
    }

    [Theory]
    [InlineData(1e-12)]  // s ≈ 1e150
    [InlineData(1e-15)]  // s overflows: treated as the digital
    public void OptionPrice_LargeExponentJustBeforeComplianceDate_IsTheDigital(double timeLeft)
    {
        var model = new CompliancePenaltyModel(Penalty, 1.0, 40, CompliancePenaltyModel.MaxTimeChangeExponent);
        Assert.Equal(0.4 * (Penalty - 55), CompliancePenalty.OptionPrice(model, OptionType.Call, 55, 1 - timeLeft, 1.0), 10);
        Assert.Equal(0.6 * 55, CompliancePenalty.OptionPrice(model, OptionType.Put, 55, 1 - timeLeft, 1.0), 10);
    }

    [Theory]
    [InlineData(OptionType.Call, 65.0)]
    [InlineData(OptionType.Put, 65.0)]
    [InlineData(OptionType.Call, 80.0)]
    [InlineData(OptionType.Put, 80.0)]
    public void OptionPrice_ExponentTowardZero_TendsToIntrinsic(OptionType type, double strike)
    {
        // β → 0 freezes the price at A_0 (no variance left to resolve before τ): the option is intrinsic.
        var model = new CompliancePenaltyModel(Penalty, 1.0, 72, 1e-12);
        double intrinsic = 0.98 * Math.Max(type == OptionType.Call ? 72 - strike : strike - 72, 0);
        Assert.Equal(intrinsic, CompliancePenalty.OptionPrice(model, type, strike, 0.5, 0.98), 10);
    }

    [Fact]
    public void OptionPrice_StrikeAtOrAbovePenalty_CallWorthlessPutIsForward()
    {
        var model = new CompliancePenaltyModel(Penalty, 1.0, 70, 1.0);
        Assert.Equal(0, CompliancePenalty.OptionPrice(model, OptionType.Call, Penalty, 0.5, 0.9));
        Assert.Equal(0.9 * (120 - 70), CompliancePenalty.OptionPrice(model, OptionType.Put, 120, 0.5, 0.9), 12);
    }

    [Theory]
    [InlineData(0.7, 1.0, 1.0)]
    [InlineData(0.3, 2.0, 0.5)]
    [InlineData(0.5, 1.0, 3.0)]
    public void ImpliedVolatility_ShortExpiry_TendsToTheModelsLocalVolatility(double moneyness, double complianceDate, double exponent)
    {
        // Itô on A = π·Φ(Y), dY = √β/√(T − t) dW: the log-price volatility today is π·φ(y0)·√β / (A_0·√T),
        // and the ATM implied volatility tends to the local volatility as the expiry shrinks.
        var model = new CompliancePenaltyModel(Penalty, complianceDate, moneyness * Penalty, exponent);
        double y0 = Normal.InvCDF(0, 1, moneyness);
        double localVol = Normal.PDF(0, 1, y0) * Math.Sqrt(exponent) / (moneyness * Math.Sqrt(complianceDate));
        double implied = CompliancePenaltyCalibration.ImpliedVolatility(model, model.InitialPrice, 1e-5 * complianceDate);
        Assert.Equal(localVol, implied, 1e-3 * localVol);
    }

    [Theory]
    [InlineData(OptionType.Call, 75.0)]
    [InlineData(OptionType.Put, 75.0)]
    [InlineData(OptionType.Put, 50.0)]
    [InlineData(OptionType.Call, 95.0)]
    public void ImpliedVolatility_RepricesTheModelOptionInBlack76(OptionType type, double strike)
    {
        var model = new CompliancePenaltyModel(Penalty, 1.0, 70, 0.8);
        double vol = CompliancePenaltyCalibration.ImpliedVolatility(model, strike, 0.5);
        double df = 0.99;
        Assert.Equal(CompliancePenalty.OptionPrice(model, type, strike, 0.5, df), Black76.Price(type, 70, strike, 0.5, vol, df), 10);
    }

    [Theory]
    [InlineData(0.7, 1.0, 0.25, 0.45)]  // EUA-like: EUR 70, 45% ATM vol on a quarterly option
    [InlineData(0.3, 2.0, 1.0, 0.60)]
    [InlineData(0.9, 1.0, 0.9, 0.20)]
    public void CalibrateToAtmVolatility_ReproducesTheQuotedVolatility(double moneyness, double complianceDate, double expiry, double atmVol)
    {
        var model = CompliancePenaltyCalibration.CalibrateToAtmVolatility(Penalty, complianceDate, moneyness * Penalty, atmVol, expiry);
        Assert.Equal(atmVol, CompliancePenaltyCalibration.ImpliedVolatility(model, model.InitialPrice, expiry), 10);
        // Round trip the other way: the exponent is recovered from the volatility it implies.
        var again = CompliancePenaltyCalibration.CalibrateToAtmVolatility(Penalty, complianceDate, moneyness * Penalty,
            CompliancePenaltyCalibration.ImpliedVolatility(model, model.InitialPrice, expiry), expiry);
        Assert.Equal(model.TimeChangeExponent, again.TimeChangeExponent, 1e-8 * model.TimeChangeExponent);
    }

    [Fact]
    public void CalibrateToAtmVolatility_RecoversAKnownExponent()
    {
        var truth = new CompliancePenaltyModel(Penalty, 1.5, 68, 0.37);
        double vol = CompliancePenaltyCalibration.ImpliedVolatility(truth, 68, 0.4);
        var calibrated = CompliancePenaltyCalibration.CalibrateToAtmVolatility(Penalty, 1.5, 68, vol, 0.4);
        Assert.Equal(0.37, calibrated.TimeChangeExponent, 1e-9);
    }

    [Fact]
    public void CalibrateToAtmVolatility_UnreachableVolatility_NamesField()
    {
        var error = Assert.Throws<InvalidInputException>(() => CompliancePenaltyCalibration.CalibrateToAtmVolatility(Penalty, 1.0, 70, 9.0, 0.01));
        Assert.Equal("timeChangeExponent", error.Field);
        Assert.Equal("expiry", Assert.Throws<InvalidInputException>(() =>
            CompliancePenaltyCalibration.CalibrateToAtmVolatility(Penalty, 1.0, 70, 0.4, 1.0)).Field);
    }

    public static TheoryData<string, Action> BadInputs => new()
    {
        { "penalty", () => _ = new CompliancePenaltyModel(0, 1, 50) },
        { "penalty", () => _ = new CompliancePenaltyModel(double.NaN, 1, 50) },
        { "complianceDate", () => _ = new CompliancePenaltyModel(100, -1, 50) },
        { "initialPrice", () => _ = new CompliancePenaltyModel(100, 1, 0) },
        { "penalty", () => _ = new CompliancePenaltyModel(100, 1, 100) },
        { "penalty", () => _ = new CompliancePenaltyModel(100, 1, 120) },
        { "timeChangeExponent", () => _ = new CompliancePenaltyModel(100, 1, 50, 0) },
        { "timeChangeExponent", () => _ = new CompliancePenaltyModel(100, 1, 50, 51) },
        { "expiry", () => CompliancePenalty.OptionPrice(new CompliancePenaltyModel(100, 1, 50), OptionType.Call, 50, 1.01, 1) },
        { "expiry", () => CompliancePenalty.OptionPrice(new CompliancePenaltyModel(100, 1, 50), OptionType.Call, 50, 0, 1) },
        { "strike", () => CompliancePenalty.OptionPrice(new CompliancePenaltyModel(100, 1, 50), OptionType.Put, -5, 0.5, 1) },
        { "discountFactor", () => CompliancePenalty.OptionPrice(new CompliancePenaltyModel(100, 1, 50), OptionType.Put, 50, 0.5, 0) },
        { "atmVolatility", () => CompliancePenaltyCalibration.CalibrateToAtmVolatility(100, 1, 50, -0.3, 0.5) },
        { "penalty", () => CompliancePenaltyCalibration.CalibrateToAtmVolatility(100, 1, 150, 0.3, 0.5) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_ThrowsNamingTheField(string field, Action call) =>
        Assert.Equal(field, Assert.Throws<InvalidInputException>(call).Field);
}

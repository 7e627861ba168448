using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

using CarbonDerivatives.Tests.Support;

namespace CarbonDerivatives.Tests.Models;

/// <summary>
/// Correlated two-leg Monte Carlo (<see cref="CorrelatedFuturesModel"/>) against Margrabe (exact, K = 0),
/// Kirk (approximation), and a conditional-on-jumps Margrabe series for Merton legs. Every check is
/// |MC − reference| &lt; 4 SE with a fixed seed (false-failure probability 6·10⁻⁵ per check).
/// </summary>
public sealed class SpreadMonteCarloTests
{
    private static ResolvedSpreadOption Option(OptionType type, double f1, double f2, double strike, double t, double s1, double s2, double rho,
        double w2 = 1.0) =>
        new(type, strike, t, new ResolvedSpreadLeg(f1, s1, 1.0, "leg1"), new ResolvedSpreadLeg(f2, s2, w2, "leg2"), rho, Math.Exp(-0.03 * t), 1000);

    private static double Margrabe(ResolvedSpreadOption o) =>
        o.LotSize * Engine.Analytics.Margrabe.Price(o.Type, o.Leg1.WeightedForward, o.Leg2.WeightedForward, o.Expiry,
            o.Leg1.Volatility, o.Leg2.Volatility, o.Correlation, o.DiscountFactor);

    public static TheoryData<OptionType, double, double, double, double, double, double> MargrabeCases => new()
    {
        // type, F1, F2, T, σ1, σ2, ρ: vols, correlations −0.5..0.95, expiries and moneyness (F1/F2) varied.
        { OptionType.Call, 72, 70, 0.8, 0.45, 0.40, 0.90 },   // EUA–UKA style, high correlation
        { OptionType.Call, 72, 70, 0.8, 0.45, 0.40, 0.95 },
        { OptionType.Call, 72, 70, 0.8, 0.45, 0.40, -0.5 },
        { OptionType.Put, 72, 70, 0.25, 0.45, 0.40, 0.5 },
        { OptionType.Call, 60, 75, 2.0, 0.35, 0.50, 0.3 },    // out of the money, long expiry
        { OptionType.Put, 60, 75, 2.0, 0.35, 0.50, 0.0 },     // in the money
        { OptionType.Call, 90, 70, 0.5, 0.25, 0.25, 0.7 },    // deep in the money, low vols
        { OptionType.Call, 70.76, 72.83, 0.79, 0.46, 0.44, 0.98 }, // calendar Dec-26/Dec-27 (MARKETS.md curve)
        { OptionType.Call, 50, 52, 3.0, 0.60, 0.30, -0.2 },   // long-dated, high vol
        { OptionType.Put, 80, 79, 0.1, 0.50, 0.45, 0.8 },     // short-dated
        { OptionType.Call, 30, 28, 1.0, 0.80, 0.20, 0.6 },    // very unequal vols
    };

    [Theory]
    [MemberData(nameof(MargrabeCases))]
    public void PriceMonteCarlo_ZeroStrike_WithinFourSEOfMargrabe(OptionType type, double f1, double f2, double t, double s1, double s2, double rho)
    {
        var option = Option(type, f1, f2, 0, t, s1, s2, rho);
        var estimate = MonteCarloRuns.Spread(option, null, 1, new MonteCarloSettings { Paths = 40_000, Seed = 11 });
        McAssert.WithinStandardErrors(Margrabe(option), estimate, label: $"{type} F1={f1} F2={f2} T={t} ρ={rho}");
    }

    [Fact]
    public void PriceMonteCarlo_ManySteps_SobolAndControlVariate_WithinFourSEOfMargrabe()
    {
        // 52 steps x 2 factors = 104 Sobol' dimensions, Brownian bridge per factor; control variate Σ wᵢFᵢ(T).
        var option = Option(OptionType.Call, 72, 35, 0, 0.8, 0.45, 0.4, 0.6, w2: 2.0);
        foreach (var settings in new[]
                 {
                     new MonteCarloSettings { Paths = 32_768, Seed = 5, Random = RandomKind.SobolBrownianBridge },
                     new MonteCarloSettings { Paths = 40_000, Seed = 5, ControlVariate = true, Antithetic = true },
                 })
            McAssert.WithinStandardErrors(Margrabe(option), MonteCarloRuns.Spread(option, null, 52, settings), label: settings.Random.ToString());
    }

    [Theory]
    [InlineData(OptionType.Call, 72, 70, 2.0, 0.8, 0.45, 0.40, 0.7)]    // small K, moderate correlation: Kirk's home ground
    [InlineData(OptionType.Put, 72, 70, 2.0, 0.8, 0.45, 0.40, 0.7)]
    [InlineData(OptionType.Call, 72, 70, -3.0, 0.8, 0.45, 0.40, 0.5)]   // negative strike (mirror form)
    [InlineData(OptionType.Call, 122, 120, 3.0, 0.1, 0.2, 0.2, -0.5)]   // Haug's example
    public void Kirk_AccurateRegion_WithinFourSEOrTenthPercentOfHighPathMc(OptionType type, double f1, double f2, double k, double t, double s1, double s2, double rho)
    {
        // Kirk is an approximation: stated tolerance max(4 SE, 0.1% of the value); the MC has SE ≈ 0.05%.
        var option = Option(type, f1, f2, k, t, s1, s2, rho);
        var mc = MonteCarloRuns.Spread(option, null, 1, new MonteCarloSettings { Paths = 400_000, Seed = 23, Antithetic = true, ControlVariate = true });
        double kirk = SpreadOptionPricer.PriceAnalytic(option).Value;
        Assert.True(Math.Abs(kirk - mc.Value) < Math.Max(4 * mc.StandardError, 1e-3 * mc.Value),
            $"Kirk {kirk:F3} vs MC {mc.Value:F3} ± {mc.StandardError:F3}");
    }

    [Fact]
    public void Kirk_LargeStrikeHighCorrelation_IsMeasurablyBiased()
    {
        // Where Kirk is known to be weak (Alexander & Venkatramanan 2011; Bjerksund & Stensland 2006): large K
        // relative to the spread's spread volatility and ρ near 1. The error is many SE: reported, not hidden.
        var option = Option(OptionType.Call, 72, 70, 12.0, 2.0, 0.60, 0.30, 0.95);
        var mc = MonteCarloRuns.Spread(option, null, 1, new MonteCarloSettings { Paths = 400_000, Seed = 29, Antithetic = true, ControlVariate = true });
        double kirk = SpreadOptionPricer.PriceAnalytic(option).Value;
        Assert.True(Math.Abs(kirk - mc.Value) > 4 * mc.StandardError, $"Kirk {kirk:F3} vs MC {mc.Value:F3} ± {mc.StandardError:F3}");
    }

    [Fact]
    public void CalendarSpread_TermStructureCorrelation_McMatchesKirkAndMargrabe()
    {
        // EUA Dec-26 / Dec-27 (MARKETS.md, March 2026: 70.76 / 72.83), ρ = exp(−β|T1 − T2|) with β = 0.1.
        var valuation = new DateOnly(2026, 3, 2);
        DateOnly dec26 = new(2026, 12, 21), dec27 = new(2027, 12, 20), expiry = new(2026, 12, 16);
        var market = new MarketSnapshot(valuation, new FlatDiscountCurve(0.025),
            [new("EUA", new FuturesCurve(valuation, [(dec26, 70.76), (dec27, 72.83)]))], [new("EUA", new FlatVolSurface(0.46))]);
        double rho = TermStructureCorrelation.Exponential(0.1, market.TimeTo(dec26), market.TimeTo(dec27));
        Assert.Equal(Math.Exp(-0.1 * 364 / 365.0), rho, 14);
        var settings = new MonteCarloSettings { Paths = 200_000, Seed = 31, Antithetic = true, ControlVariate = true };
        foreach (double strike in new[] { 0.0, -2.0 })
        {
            var option = SpreadOption.Calendar("EUA", dec26, dec27, OptionType.Call, strike, expiry, 1000, "EUR").Resolve(market, rho);
            var analytic = SpreadOptionPricer.PriceAnalytic(option);
            Assert.Equal(strike == 0 ? "margrabe" : "kirk", analytic.Method);
            var mc = MonteCarloRuns.Spread(option, null, 12, settings);
            Assert.True(Math.Abs(analytic.Value - mc.Value) < Math.Max(4 * mc.StandardError, 1e-3 * mc.Value),
                $"K={strike}: {analytic.Method} {analytic.Value:F3} vs MC {mc.Value:F3} ± {mc.StandardError:F3}");
        }
    }

    [Fact]
    public void MertonLegs_ZeroIntensity_ReproduceBlackLegsWithinSE()
    {
        var option = Option(OptionType.Call, 72, 70, 0, 0.8, 0.45, 0.40, 0.8);
        var settings = new MonteCarloSettings { Paths = 40_000, Seed = 37 };
        var none = new LogNormalJumps(0, -0.03, 0.08);
        var merton = MonteCarloRuns.Spread(option, [none, none], 4, settings);
        McAssert.WithinStandardErrors(Margrabe(option), merton);
        // Jump draws are consumed even at λ = 0, so the paths differ from the Black run; both estimate the same value.
        var black = MonteCarloRuns.Spread(option, null, 4, settings);
        Assert.True(Math.Abs(merton.Value - black.Value) < 4 * Math.Sqrt(2) * merton.StandardError);
    }

    [Theory]
    [InlineData(OptionType.Call, 0.8)]
    [InlineData(OptionType.Put, 0.3)]
    public void MertonLegs_WithJumps_WithinFourSEOfConditionalMargrabeSeries(OptionType type, double rho)
    {
        // EUA fit (MARKETS.md): λ 6.1/yr, μJ −2.9%, σJ 8.3%; a rarer, larger jump on leg 2.
        var option = Option(type, 72, 70, 0, 0.8, 0.33, 0.30, rho);
        var j1 = new LogNormalJumps(6.1, -0.029, 0.083);
        var j2 = new LogNormalJumps(1.5, 0.05, 0.15);
        var estimate = MonteCarloRuns.Spread(option, [j1, j2], 8, new MonteCarloSettings { Paths = 60_000, Seed = 41 });
        McAssert.WithinStandardErrors(ConditionalMargrabe(option, j1, j2), estimate);
    }

    /// <summary>
    /// Independent reference: conditional on n₁, n₂ jumps (independent Poisson), ln Fᵢ(T) is normal with
    /// mean ln Fᵢ − (σᵢ²/2 + λᵢkᵢ)T + nᵢμᵢ, variance σᵢ²T + nᵢσJᵢ², covariance ρσ₁σ₂T, so the exchange
    /// option is Margrabe with those moments (Merton 1976 conditioning, applied to each leg).
    /// </summary>
    private static double ConditionalMargrabe(ResolvedSpreadOption o, LogNormalJumps j1, LogNormalJumps j2)
    {
        double t = o.Expiry, s1 = o.Leg1.Volatility, s2 = o.Leg2.Volatility, sum = 0;
        for (int n1 = 0; n1 < 60; n1++)
        for (int n2 = 0; n2 < 40; n2++)
        {
            double weight = Poisson(j1.Intensity * t, n1) * Poisson(j2.Intensity * t, n2);
            double a = o.Leg1.WeightedForward * Math.Exp(n1 * (j1.MeanLogJump + 0.5 * j1.LogJumpVolatility * j1.LogJumpVolatility) - j1.Intensity * j1.MeanRelativeJump * t);
            double b = o.Leg2.WeightedForward * Math.Exp(n2 * (j2.MeanLogJump + 0.5 * j2.LogJumpVolatility * j2.LogJumpVolatility) - j2.Intensity * j2.MeanRelativeJump * t);
            double variance = s1 * s1 * t + n1 * j1.LogJumpVolatility * j1.LogJumpVolatility + s2 * s2 * t + n2 * j2.LogJumpVolatility * j2.LogJumpVolatility
                              - 2 * o.Correlation * s1 * s2 * t;
            sum += weight * Black76.Price(o.Type, a, b, t, Math.Sqrt(variance / t), o.DiscountFactor);
        }
        return o.LotSize * sum;
    }

    private static double Poisson(double mean, int n) => Math.Exp(n * Math.Log(mean) - mean - MathNet.Numerics.SpecialFunctions.FactorialLn(n));

    [Fact]
    public void OneLegModel_IsBitIdenticalToBlack76Model()
    {
        // The multi-leg plumbing adds nothing to one leg of weight 1: same draws, same bits.
        var grid = TimeGrid.Uniform(1.0, 12);
        var settings = new MonteCarloSettings { Paths = 20_000, Seed = 3, Antithetic = true };
        var single = MonteCarloSimulator.Run(new Black76Model(80, 0.45), grid, new EuropeanPayoff(OptionType.Call, 80), settings);
        var legs = MonteCarloSimulator.Run(new CorrelatedFuturesModel([new FuturesLeg(80, 0.45, 1.0)], new double[,] { { 1 } }), grid,
            new EuropeanPayoff(OptionType.Call, 80), settings);
        Assert.Equal(single.Value, legs.Value);
        Assert.Equal(single.StandardError, legs.StandardError);
    }

    [Fact]
    public void PriceMonteCarlo_SameSeed_BitIdenticalOnOneAndFourThreads()
    {
        var option = Option(OptionType.Call, 72, 70, 1.5, 0.8, 0.45, 0.40, 0.7);
        var settings = new MonteCarloSettings { Paths = 50_000, Seed = 9, ControlVariate = true };
        var one = MonteCarloRuns.Spread(option, [new LogNormalJumps(6.1, -0.029, 0.083), null], 16, settings with { MaxDegreeOfParallelism = 1 });
        var four = MonteCarloRuns.Spread(option, [new LogNormalJumps(6.1, -0.029, 0.083), null], 16, settings with { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.Value, four.Value);
        Assert.Equal(one.StandardError, four.StandardError);
    }
}

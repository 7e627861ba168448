using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using Xunit;
using static CarbonDerivatives.Tests.Risk.RiskFixtures;

namespace CarbonDerivatives.Tests.Risk;

/// <summary>
/// Ten EUA options priced together on one shared simulation (200,000 paths, seed fixed): every Monte
/// Carlo Greek — pathwise delta and vega, likelihood-ratio gamma, pathwise rho, CRN-bump delta, gamma,
/// vega and theta — within 4 SE of an independent reference: the Black-76 closed form and its finite
/// differences with the same bumps, or the Merton (1976) series and its finite differences.
/// </summary>
public sealed class MonteCarloGreeksTests
{
    private static readonly LogNormalJumps EuaJumps = new(6.1, -0.029, 0.083); // MARKETS.md fit

    private static readonly RiskSettings Settings = new()
    {
        Method = ValuationMethod.MonteCarlo, MonteCarlo = new MonteCarloSettings { Paths = 200_000, Seed = 11, Antithetic = true },
    };

    private static RiskSettings WithPaths(RiskSettings s, long paths, ulong? seed = null, int? threads = null) => s with
    {
        MonteCarlo = s.MonteCarlo with { Paths = paths, Seed = seed ?? s.MonteCarlo.Seed, MaxDegreeOfParallelism = threads },
    };

    private static PortfolioRisk Run(RiskSettings settings)
    {
        var options = TenEuaOptions();
        var portfolio = new Portfolio("EUR", options.Select((o, i) => Long($"O{i}", o)));
        return PortfolioRiskEngine.Compute(portfolio, EuaMarket(), Fx, settings);
    }

    /// <summary>Per-lot value of a resolved option under a pricing function of (F, σ, T, DF).</summary>
    private delegate double Pricer(ResolvedFuturesOption o, double forward, double vol, double expiry, double discount);

    private static double Black(ResolvedFuturesOption o, double f, double vol, double t, double df) =>
        o.LotSize * Black76.Price(o.Type, f, o.Strike, t, vol, df);

    private static double Merton(ResolvedFuturesOption o, double f, double vol, double t, double df) =>
        o.LotSize * MertonJumpDiffusion.Price(o.Type, f, o.Strike, t, vol, EuaJumps.Intensity, EuaJumps.MeanLogJump,
            EuaJumps.LogJumpVolatility, df);

    [Fact]
    public void Black76_TenOptions_EveryEstimatorWithinFourSEOfClosedForm()
    {
        var risk = Run(Settings);
        Assert.Single(risk.Simulations);
        var options = TenEuaOptions();
        for (int i = 0; i < options.Count; i++)
        {
            var o = options[i].Resolve(EuaMarket());
            var exact = Black76OptionPricer.Greeks(o);
            var r = risk.Positions[i];
            string label = $"case {i} {o.Type} K={o.Strike} T={o.Expiry:F3}";
            RiskAssert.WithinStandardErrors(exact.Price, r.Measures!.Price, label + " price");
            RiskAssert.WithinStandardErrors(exact.Delta, r.Measures.Delta, label + " pathwise delta");
            RiskAssert.WithinStandardErrors(exact.Gamma, r.Measures.Gamma, label + " LR gamma");
            RiskAssert.WithinStandardErrors(exact.Vega, r.Measures.Vega, label + " pathwise vega");
            RiskAssert.WithinStandardErrors(exact.Rho, r.Measures.Rho, label + " pathwise rho");
            AssertBumpsMatchFiniteDifferences(Black, o, r, Settings, label);
        }
    }

    [Fact]
    public void Merton_TenOptions_EveryEstimatorWithinFourSEOfSeriesAndItsDifferences()
    {
        var settings = Settings with { Models = Settings.Models.Add("EUA", new MertonDynamics(EuaJumps)) };
        var risk = Run(settings);
        var options = TenEuaOptions();
        for (int i = 0; i < options.Count; i++)
        {
            var o = options[i].Resolve(EuaMarket());
            var r = risk.Positions[i];
            string label = $"Merton case {i} {o.Type} K={o.Strike} T={o.Expiry:F3}";
            double f = o.Forward, vol = o.Volatility, t = o.Expiry, df = o.DiscountFactor;
            double hf = 1e-4 * f, hv = 1e-4;
            double price = Merton(o, f, vol, t, df);
            double delta = (Merton(o, f + hf, vol, t, df) - Merton(o, f - hf, vol, t, df)) / (2 * hf);
            double gamma = (Merton(o, f * 1.01, vol, t, df) - 2 * price + Merton(o, f * 0.99, vol, t, df)) / (0.01 * f * 0.01 * f);
            double vega = (Merton(o, f, vol + hv, t, df) - Merton(o, f, vol - hv, t, df)) / (2 * hv);
            RiskAssert.WithinStandardErrors(price, r.Measures!.Price, label + " price");
            RiskAssert.WithinStandardErrors(delta, r.Measures.Delta, label + " pathwise delta");
            RiskAssert.WithinStandardErrors(gamma, r.Measures.Gamma, label + " LR gamma", 4.5);
            RiskAssert.WithinStandardErrors(vega, r.Measures.Vega, label + " pathwise vega");
            RiskAssert.WithinStandardErrors(-t * price, r.Measures.Rho, label + " pathwise rho");
            AssertBumpsMatchFiniteDifferences(Merton, o, r, settings, label);
        }
    }

    /// <summary>CRN bumps against the same central differences of the closed form (so the bump's own bias cancels).</summary>
    private static void AssertBumpsMatchFiniteDifferences(Pricer price, ResolvedFuturesOption o, PositionRisk r, RiskSettings s, string label)
    {
        double f = o.Forward, vol = o.Volatility, t = o.Expiry, df = o.DiscountFactor, h = s.Bumps.RelativePriceBump, dv = s.Bumps.VolBump;
        double v = price(o, f, vol, t, df), up = price(o, f * (1 + h), vol, t, df), down = price(o, f * (1 - h), vol, t, df);
        double earlier = Math.Max(t - s.Bumps.ThetaDays / 365.0, 0);
        double rate = -Math.Log(df) / t;
        RiskAssert.WithinStandardErrors((up - down) / (2 * h * f), r.CrnBumps!.Delta, label + " CRN delta");
        RiskAssert.WithinStandardErrors((up - 2 * v + down) / (h * f * h * f), r.CrnBumps.Gamma, label + " CRN gamma");
        RiskAssert.WithinStandardErrors((price(o, f, vol + dv, t, df) - price(o, f, vol - dv, t, df)) / (2 * dv), r.CrnBumps.Vega, label + " CRN vega");
        RiskAssert.WithinStandardErrors((price(o, f, vol, earlier, Math.Exp(-rate * earlier)) - v) / (t - earlier), r.CrnBumps.Theta, label + " CRN theta");
    }

    [Fact]
    public void CrnDeltaBump_HasAtLeastFiftyTimesSmallerSEThanIndependentSeedBumps()
    {
        const double h = 0.001;
        var option = TenEuaOptions()[0];
        var portfolio = new Portfolio("EUR", [Long("ATM", option)]);
        var settings = WithPaths(Settings, 100_000) with { Bumps = new SensitivityBumps { RelativePriceBump = h } };
        var crn = PortfolioRiskEngine.Compute(portfolio, EuaMarket(), Fx, settings).Positions[0].CrnBumps!.Delta;

        // Independent seeds: revalue in bumped markets with unrelated streams, difference the two prices.
        var up = PortfolioRiskEngine.Compute(portfolio, EuaMarket(1 + h), Fx, WithPaths(settings, 100_000, 101)).Positions[0].Measures!.Price;
        var down = PortfolioRiskEngine.Compute(portfolio, EuaMarket(1 - h), Fx, WithPaths(settings, 100_000, 202)).Positions[0].Measures!.Price;
        double forward = option.Resolve(EuaMarket()).Forward;
        double independentSe = Math.Sqrt(up.StandardError * up.StandardError + down.StandardError * down.StandardError) / (2 * h * forward);

        Assert.True(independentSe >= 50 * crn.StandardError,
            $"CRN delta SE {crn.StandardError:G3} vs independent-seed SE {independentSe:G3}: ratio {independentSe / crn.StandardError:F1}");
    }

    [Fact]
    public void Compute_SameSeed_SameBitsForOneAndTwoThreads()
    {
        var one = Run(WithPaths(Settings, 20_000, threads: 1));
        var two = Run(WithPaths(Settings, 20_000, threads: 2));
        for (int i = 0; i < one.Positions.Length; i++)
            Assert.Equal(one.Positions[i].Measures, two.Positions[i].Measures);
        Assert.Equal(one.Total.Measures, two.Total.Measures);
    }
}

using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing.MonteCarlo;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using Xunit;

using CarbonDerivatives.Tests.Support;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>
/// Monte Carlo CRN Greeks against finite differences of Margrabe's formula with the SAME bumps the engine
/// uses (<see cref="SpreadSimulation.PriceBump"/> etc.): the estimator's expectation is exactly that
/// difference, so |MC − FD| &lt; 4 SE with no bias allowance (fixed seed; 6·10⁻⁵ false-failure odds per Greek).
/// </summary>
public sealed class SpreadMonteCarloGreeksTests
{
    [Theory]
    [InlineData(OptionType.Call, 0.7)]
    [InlineData(OptionType.Put, -0.3)]
    public void MonteCarloGreeks_MatchFiniteDifferencesOfMargrabeWithinFourSE(OptionType type, double rho)
    {
        const double f1 = 72, f2 = 35, w2 = 2.0, t = 0.8, s1 = 0.45, s2 = 0.40, df = 0.976, lot = 1000;
        var option = new ResolvedSpreadOption(type, 0, t, new ResolvedSpreadLeg(f1, s1, 1.0), new ResolvedSpreadLeg(f2, s2, w2), rho, df, lot);
        var mc = MonteCarloRuns.Spread(option, new MonteCarloSettings { Paths = 100_000, Seed = 17 }, greeks: true).SpreadGreeks!;
        double V(double a, double b, double v1, double v2, double r) => lot * Margrabe.Price(type, a, w2 * b, t, v1, v2, r, df);

        double h = SpreadSimulation.PriceBump, dv = SpreadSimulation.VolatilityBump, dr = SpreadSimulation.CorrelationBump;
        double u1 = f1 * (1 + h), d1 = f1 * (1 - h), u2 = f2 * (1 + h), d2 = f2 * (1 - h);
        Check((V(u1, f2, s1, s2, rho) - V(d1, f2, s1, s2, rho)) / (2 * h * f1), mc.Delta1, "delta1");
        Check((V(f1, u2, s1, s2, rho) - V(f1, d2, s1, s2, rho)) / (2 * h * f2), mc.Delta2, "delta2");
        Check((V(u1, f2, s1, s2, rho) - 2 * V(f1, f2, s1, s2, rho) + V(d1, f2, s1, s2, rho)) / (h * f1 * h * f1), mc.Gamma1, "gamma1");
        Check((V(f1, u2, s1, s2, rho) - 2 * V(f1, f2, s1, s2, rho) + V(f1, d2, s1, s2, rho)) / (h * f2 * h * f2), mc.Gamma2, "gamma2");
        Check((V(u1, u2, s1, s2, rho) - V(u1, d2, s1, s2, rho) - V(d1, u2, s1, s2, rho) + V(d1, d2, s1, s2, rho)) / (4 * h * h * f1 * f2),
            mc.CrossGamma, "crossGamma");
        Check((V(f1, f2, s1 + dv, s2, rho) - V(f1, f2, s1 - dv, s2, rho)) / (2 * dv), mc.Vega1, "vega1");
        Check((V(f1, f2, s1, s2 + dv, rho) - V(f1, f2, s1, s2 - dv, rho)) / (2 * dv), mc.Vega2, "vega2");
        Check((V(f1, f2, s1, s2, rho + dr) - V(f1, f2, s1, s2, rho - dr)) / (2 * dr), mc.CorrelationSensitivity, "dV/dρ");

        // And the bumped differences sit close to the exact analytic Greeks (bias O(bump²)): a sanity bound of 2%.
        var exact = SpreadOptionGreeks.Analytic(option);
        Assert.True(Math.Abs(mc.Delta1.Value - exact.Delta1.Value) < 0.02 * Math.Abs(exact.Delta1.Value) + 4 * mc.Delta1.StandardError);
        Assert.True(Math.Abs(mc.CrossGamma.Value - exact.CrossGamma.Value) < 0.02 * Math.Abs(exact.CrossGamma.Value) + 4 * mc.CrossGamma.StandardError);
    }

    private static void Check(double reference, GreekEstimate estimate, string name)
    {
        Assert.Equal(GreekMethod.CrnBump, estimate.Method);
        Assert.True(estimate.StandardError > 0, $"{name}: SE must be positive");
        double distance = Math.Abs(estimate.Value - reference) / estimate.StandardError;
        Assert.True(distance < 4, $"{name}: MC {estimate.Value:G8} ± {estimate.StandardError:G3} is {distance:F2} SE from FD of Margrabe {reference:G8}");
    }

    [Fact]
    public void MonteCarloGreeks_MertonLegs_DeltasSatisfyEulerHomogeneityWithinFourSE()
    {
        // Reference: Euler's theorem. For K = 0 the value is homogeneous of degree 1 in (F1, F2) under
        // Merton legs too (paths scale with F0), so F1·∂V/∂F1 + F2·∂V/∂F2 = V; the central-difference bias
        // is O(bump²) ≈ 1e-4 relative, far below the SE. Price and deltas come from one simulation: the SE of
        // F1·Δ1 + F2·Δ2 − V is that of the combination, read path by path from the same measures' terms.
        var option = new ResolvedSpreadOption(OptionType.Call, 0, 0.8, new ResolvedSpreadLeg(72, 0.33, 1.0), new ResolvedSpreadLeg(70, 0.30, 1.0), 0.8, 0.976, 1000);
        var jumps = new LogNormalJumps?[] { new LogNormalJumps(6.1, -0.029, 0.083), null };
        var settings = new MonteCarloSettings { Paths = 60_000, Seed = 19 };
        var valuation = MonteCarloRuns.Spread(option, settings, jumps, greeks: true);
        var greeks = valuation.SpreadGreeks!;
        double euler = greeks.Delta1.Value * 72 + greeks.Delta2.Value * 70;
        // Conservative: SEs combined as if independent (they are positively correlated on common paths).
        double se = Math.Sqrt(Math.Pow(72 * greeks.Delta1.StandardError, 2) + Math.Pow(70 * greeks.Delta2.StandardError, 2) + Math.Pow(valuation.StandardError, 2));
        Assert.True(Math.Abs(euler - valuation.Value) < 4 * se, $"F·delta sum {euler:F2} vs price {valuation.Value:F2} (SE {se:F2})");
    }
}

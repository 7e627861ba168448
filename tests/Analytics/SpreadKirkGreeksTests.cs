using CarbonDerivatives.Engine.Numerics;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Analytics;

/// <summary>Finite differences of Kirk's approximation: Margrabe's exact Greeks as K → 0, CRN Monte Carlo Greeks where Kirk is accurate.</summary>
public sealed class SpreadKirkGreeksTests
{
    private static ResolvedSpreadOption Option(double strike, double rho = 0.7) => new(OptionType.Call, strike, 0.8,
        new ResolvedSpreadLeg(72, 0.45, 1), new ResolvedSpreadLeg(70, 0.35, 1), rho, 0.975, 1000);

    private static IEnumerable<(string Name, GreekEstimate Value)> All(SpreadGreeks g) =>
    [
        ("delta1", g.Delta1), ("delta2", g.Delta2), ("gamma1", g.Gamma1), ("gamma2", g.Gamma2), ("crossGamma", g.CrossGamma),
        ("vega1", g.Vega1), ("vega2", g.Vega2), ("correlation", g.CorrelationSensitivity),
    ];

    [Fact]
    public void TinyStrike_MatchesMargrabesExactGreeks()
    {
        var kirk = All(SpreadOptionGreeks.FiniteDifferenceOfKirk(Option(1e-9))).ToArray();
        var margrabe = All(SpreadOptionGreeks.Analytic(Option(0))).ToArray();
        for (int i = 0; i < kirk.Length; i++)
        {
            double expected = margrabe[i].Value.Value, actual = kirk[i].Value.Value;
            Assert.True(Math.Abs(actual - expected) <= 1e-4 * Math.Abs(expected) + 1e-6, $"{kirk[i].Name}: {actual} vs {expected}");
            Assert.Equal(GreekMethod.FiniteDifference, kirk[i].Value.Method);
        }
    }

    [Fact]
    public void StrikeTwo_DeltasAndVegasWithinFourSEOfMonteCarlo()
    {
        var option = Option(2);
        var kirk = SpreadOptionGreeks.FiniteDifferenceOfKirk(option);
        var mc = Support.MonteCarloRuns.Spread(option, new MonteCarloSettings { Paths = 400_000, Seed = 17 }, greeks: true).SpreadGreeks!;
        foreach (var (name, k, m) in new[] { ("delta1", kirk.Delta1, mc.Delta1), ("delta2", kirk.Delta2, mc.Delta2), ("vega1", kirk.Vega1, mc.Vega1) })
            Assert.True(Math.Abs(k.Value - m.Value) <= 4 * m.StandardError + 0.002 * Math.Abs(m.Value), $"{name}: Kirk {k.Value} vs MC {m.Value} ± {m.StandardError}");
    }
}

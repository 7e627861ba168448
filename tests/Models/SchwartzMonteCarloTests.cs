using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Models;

/// <summary>
/// Schwartz one-factor mean reversion (pollution rights, pilot allowances) against its closed forms:
/// futures price E[S_T] and Black-76 on the lognormal S_T (Schwartz 1997, model 1).
/// </summary>
public class SchwartzMonteCarloTests
{
    public static TheoryData<OptionType, double, double, double, double, double, double, int> Cases => new()
    {
        // type, spot, kappa, long-run level, vol, strike, expiry, steps
        { OptionType.Call, 36_826, 1.5, 40_000, 0.35, 38_000, 1.0, 12 },  // Zhejiang COD permit index, CNY/t
        { OptionType.Put, 36_826, 1.5, 40_000, 0.35, 38_000, 1.0, 12 },
        { OptionType.Call, 65, 0.8, 80, 0.60, 75, 2.0, 24 },             // Guangdong GDEA-like
        { OptionType.Put, 65, 0.8, 80, 0.60, 55, 2.0, 24 },
        { OptionType.Call, 9_765, 3.0, 9_000, 0.25, 9_500, 0.5, 1 },      // SO2 permit, fast reversion
        { OptionType.Put, 9_765, 3.0, 9_000, 0.25, 9_500, 0.5, 1 },
        { OptionType.Call, 100, 1e-9, 100, 0.40, 100, 1.0, 4 },          // κ → 0: Black-76 on a driftless log
        { OptionType.Put, 48, 0.5, 60, 0.30, 50, 0.25, 5 },
        { OptionType.Call, 48, 0.5, 60, 0.30, 50, 0.25, 5 },
        { OptionType.Call, 5_316, 2.0, 6_000, 0.5, 7_000, 1.5, 18 },      // NOx permit, OTM
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OptionPrice_MonteCarlo_WithinFourStandardErrorsOfClosedForm(OptionType type, double spot, double kappa, double level,
        double vol, double strike, double expiry, int steps)
    {
        var model = new SchwartzOneFactorModel(spot, kappa, level, vol);
        double df = Math.Exp(-0.03 * expiry);
        double reference = SchwartzOneFactor.OptionPrice(model, type, strike, expiry, df);
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(expiry, steps), new EuropeanPayoff(type, strike),
            new MonteCarloSettings { Paths = 200_000, Seed = 31 }).Scale(df);
        McAssert.WithinStandardErrors(reference, estimate, label: $"{type} K={strike}");
    }

    [Theory]
    [InlineData(36_826, 1.5, 40_000, 0.35, 1.0, 0.0, 0.0, 0.0)]
    [InlineData(65, 0.8, 80, 0.60, 2.0, 0.0, 0.0, 0.0)]
    [InlineData(65, 0.8, 80, 0.30, 1.0, 2.0, 0.3, 0.1)]      // upward regulatory jumps
    [InlineData(9_765, 3.0, 9_000, 0.25, 1.0, 1.0, -0.5, 0.2)] // SO2 collapse-style jumps
    public void FuturesPrice_MonteCarloDailySteps_WithinFourStandardErrorsOfClosedForm(double spot, double kappa, double level,
        double vol, double expiry, double lambda, double muJ, double sigmaJ)
    {
        var jumps = lambda > 0 ? new LogNormalJumps(lambda, muJ, sigmaJ) : null;
        var model = new SchwartzOneFactorModel(spot, kappa, level, vol, jumps);
        double reference = SchwartzOneFactor.FuturesPrice(model, expiry);
        // A call struck far below any reachable price pays S_T − K: its mean is the futures price − K.
        double strike = 1e-6 * spot;
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(expiry, (int)(252 * expiry)),
            new EuropeanPayoff(OptionType.Call, strike), new MonteCarloSettings { Paths = 200_000, Seed = 32 });
        McAssert.WithinStandardErrors(reference - strike, estimate);
    }

    [Fact]
    public void FuturesPrice_LongHorizon_TendsToLongRunLevelWithConvexity()
    {
        // As T → ∞: ln S_T ~ N(ln L, σ²/2κ), so F → L·exp(σ²/4κ).
        var model = new SchwartzOneFactorModel(50, 2.0, 80, 0.4);
        double expected = 80 * Math.Exp(0.4 * 0.4 / (4 * 2.0));
        Assert.Equal(expected, SchwartzOneFactor.FuturesPrice(model, 50), 10);
    }
}

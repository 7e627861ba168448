using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Models;

/// <summary>
/// Monte Carlo under Merton jump-diffusion against the Merton (1976) series: 22 cases around the EUA
/// fit of MARKETS.md (σ 33%, λ 6.1/yr, μJ −2.9%, σJ 8.3%) and harsher regimes (rare large crashes,
/// frequent jumps), deep ITM/OTM, one week to two years, rates −1%..6%. 200,000 paths; 4 SE.
/// </summary>
public class MertonMonteCarloTests
{
    public static TheoryData<OptionType, double, double, double, double, double, double, double, double, int> Cases => new()
    {
        // type, F, K, T, vol, rate, lambda, muJ, sigmaJ, steps
        { OptionType.Call, 70.76, 70, 0.75, 0.33, 0.03, 6.1, -0.029, 0.083, 1 },
        { OptionType.Put, 70.76, 70, 0.75, 0.33, 0.03, 6.1, -0.029, 0.083, 1 },
        { OptionType.Call, 70.76, 45, 1.0, 0.33, 0.025, 6.1, -0.029, 0.083, 12 },
        { OptionType.Put, 70.76, 45, 1.0, 0.33, 0.025, 6.1, -0.029, 0.083, 12 },
        { OptionType.Call, 70.76, 110, 1.0, 0.33, 0.025, 6.1, -0.029, 0.083, 12 },
        { OptionType.Put, 70.76, 110, 1.0, 0.33, 0.025, 6.1, -0.029, 0.083, 12 },
        { OptionType.Call, 80, 80, 2.0, 0.20, 0.06, 0.5, -0.4, 0.2, 8 },   // rare crash (2006-style)
        { OptionType.Put, 80, 60, 2.0, 0.20, 0.06, 0.5, -0.4, 0.2, 8 },
        { OptionType.Call, 80, 85, 7.0 / 365, 0.45, -0.01, 6.1, -0.029, 0.083, 1 },
        { OptionType.Put, 80, 75, 7.0 / 365, 0.45, -0.01, 6.1, -0.029, 0.083, 1 },
        { OptionType.Call, 50, 50, 0.5, 0.60, 0.02, 20, 0.0, 0.05, 4 },   // frequent small jumps
        { OptionType.Put, 50, 50, 0.5, 0.60, 0.02, 20, 0.0, 0.05, 4 },
        { OptionType.Call, 50, 40, 0.5, 0.80, 0.0, 2, 0.1, 0.15, 2 },     // upward regulatory jumps
        { OptionType.Put, 50, 40, 0.5, 0.80, 0.0, 2, 0.1, 0.15, 2 },
        { OptionType.Call, 100, 130, 1.5, 0.25, 0.04, 3, -0.1, 0.1, 6 },
        { OptionType.Put, 100, 130, 1.5, 0.25, 0.04, 3, -0.1, 0.1, 6 },
        { OptionType.Call, 65, 60, 0.25, 0.40, 0.05, 10, -0.05, 0.02, 3 },
        { OptionType.Put, 65, 60, 0.25, 0.40, 0.05, 10, -0.05, 0.02, 3 },
        { OptionType.Call, 90, 100, 1.0, 0.30, 0.03, 0, 0, 0, 1 },        // no jumps = Black-76
        { OptionType.Put, 90, 100, 1.0, 0.30, 0.03, 1, 0, 0, 1 },         // zero-size jumps
        { OptionType.Call, 30, 25, 2.0, 0.50, 0.045, 4, -0.2, 0.3, 24 },
        { OptionType.Put, 30, 25, 2.0, 0.50, 0.045, 4, -0.2, 0.3, 24 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Price_PseudoRandom_WithinFourStandardErrorsOfMertonSeries(OptionType type, double forward, double strike, double expiry,
        double vol, double rate, double lambda, double muJ, double sigmaJ, int steps)
    {
        double df = Math.Exp(-rate * expiry);
        double reference = MertonJumpDiffusion.Price(type, forward, strike, expiry, vol, lambda, muJ, sigmaJ, df);
        var model = new MertonJumpDiffusionModel(forward, vol, new LogNormalJumps(lambda, muJ, sigmaJ));
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(expiry, steps), new EuropeanPayoff(type, strike),
            new MonteCarloSettings { Paths = 200_000, Seed = 21, Antithetic = steps % 2 == 0, ControlVariate = steps % 3 == 0 }).Scale(df);
        McAssert.WithinStandardErrors(reference, estimate, label: $"{type} K={strike} T={expiry:F3} λ={lambda}");
    }

    [Fact]
    public void TerminalMean_WithJumps_IsTheFuturesPrice()
    {
        // The compensated drift makes F a martingale: E[F_T] = F_0 (control-variate-free check).
        var model = new MertonJumpDiffusionModel(70, 0.33, new LogNormalJumps(6.1, -0.029, 0.083));
        var grid = TimeGrid.Uniform(1.0, 52);
        var estimate = MonteCarloSimulator.Run(model, grid, new ArithmeticAveragePayoff(OptionType.Call, 1e-9),
            new MonteCarloSettings { Paths = 100_000, Seed = 22 });
        McAssert.WithinStandardErrors(70 - 1e-9, estimate);
    }
}

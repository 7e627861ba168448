using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Models;

/// <summary>
/// Monte Carlo under Black-76 against the Black-76 closed form (Black 1976): 24 cases spanning deep
/// ITM/OTM, one week to two years, vols 20–80%, rates −1%..6%, calls and puts, with each variance
/// reduction. Seeds fixed; 200,000 paths; tolerance 4 SE.
/// </summary>
public class Black76MonteCarloTests
{
    public static TheoryData<OptionType, double, double, double, double, double, int> Cases => new()
    {
        // type, forward, strike, expiry, vol, rate, steps
        { OptionType.Call, 80, 80, 0.75, 0.45, 0.03, 1 },
        { OptionType.Put, 80, 80, 0.75, 0.45, 0.03, 1 },
        { OptionType.Call, 70.76, 40, 1.0, 0.30, 0.025, 1 },   // deep ITM call
        { OptionType.Put, 70.76, 40, 1.0, 0.30, 0.025, 1 },    // deep OTM put
        { OptionType.Call, 70.76, 120, 1.0, 0.30, 0.025, 1 },  // deep OTM call
        { OptionType.Put, 70.76, 120, 1.0, 0.30, 0.025, 1 },   // deep ITM put
        { OptionType.Call, 72.83, 75, 2.0, 0.20, 0.06, 4 },
        { OptionType.Put, 72.83, 75, 2.0, 0.80, 0.06, 4 },
        { OptionType.Call, 65, 66, 7.0 / 365, 0.45, -0.01, 1 }, // one week
        { OptionType.Put, 65, 64, 7.0 / 365, 0.45, -0.01, 1 },
        { OptionType.Call, 100, 100, 0.25, 0.80, 0.0, 3 },
        { OptionType.Put, 100, 150, 0.25, 0.80, 0.0, 3 },
        { OptionType.Call, 48, 50, 0.5, 0.35, 0.02, 2 },       // CEA-like, CNY
        { OptionType.Put, 48, 45, 0.5, 0.35, 0.02, 2 },
        { OptionType.Call, 30, 20, 1.5, 0.60, 0.045, 6 },
        { OptionType.Put, 30, 20, 1.5, 0.60, 0.045, 6 },
        { OptionType.Call, 85, 90, 1.0, 0.46, 0.03, 12 },
        { OptionType.Put, 85, 90, 1.0, 0.46, 0.03, 12 },
        { OptionType.Call, 75, 60, 2.0, 0.25, -0.005, 1 },
        { OptionType.Put, 75, 95, 2.0, 0.25, -0.005, 1 },
        { OptionType.Call, 12, 15, 0.1, 0.70, 0.01, 1 },
        { OptionType.Put, 12, 15, 0.1, 0.70, 0.01, 1 },
        { OptionType.Call, 200, 180, 1.25, 0.50, 0.05, 5 },
        { OptionType.Put, 200, 180, 1.25, 0.50, 0.05, 5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Price_PlainPseudoRandom_WithinFourStandardErrorsOfClosedForm(OptionType type, double forward, double strike,
        double expiry, double vol, double rate, int steps) =>
        Check(type, forward, strike, expiry, vol, rate, steps, new MonteCarloSettings { Paths = 200_000, Seed = 11 });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Price_AntitheticWithControlVariate_WithinFourStandardErrorsOfClosedForm(OptionType type, double forward,
        double strike, double expiry, double vol, double rate, int steps) =>
        Check(type, forward, strike, expiry, vol, rate, steps,
            new MonteCarloSettings { Paths = 200_000, Seed = 12, Antithetic = true, ControlVariate = true });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Price_SobolBrownianBridge_WithinFourStandardErrorsOfClosedForm(OptionType type, double forward, double strike,
        double expiry, double vol, double rate, int steps) =>
        Check(type, forward, strike, expiry, vol, rate, steps,
            new MonteCarloSettings { Paths = 65_536, Seed = 13, Random = RandomKind.SobolBrownianBridge, QuasiRandomReplicates = 16 });

    private static void Check(OptionType type, double forward, double strike, double expiry, double vol, double rate, int steps,
        MonteCarloSettings settings)
    {
        double df = Math.Exp(-rate * expiry);
        double reference = Black76.Price(type, forward, strike, expiry, vol, df);
        var estimate = MonteCarloSimulator.Run(new Black76Model(forward, vol), TimeGrid.Uniform(expiry, steps),
            new EuropeanPayoff(type, strike), settings).Scale(df);
        McAssert.WithinStandardErrors(reference, estimate, label: $"{type} F={forward} K={strike} T={expiry:F3} vol={vol}");
        Assert.Equal(settings.Paths, estimate.Paths);
    }
}

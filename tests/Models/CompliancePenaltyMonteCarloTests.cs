using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;
using CarbonDerivatives.Tests.Analytics;
using CarbonDerivatives.Tests.Simulation;
using Xunit;

namespace CarbonDerivatives.Tests.Models;

/// <summary>
/// Monte Carlo under the structural compliance model (Carmona &amp; Hinz 2011) against the bivariate-
/// normal closed form of its options (QLNet's Genz/West Φ₂, see <see cref="ComplianceBivariateNormalReference"/>)
/// and against the martingale property E[A_τ] = A_0. 14 cases: A_0/π from 0.1 to 0.9, τ from 0.1 to T,
/// β from 0.2 to 5, calls and puts, one to 24 steps (the stepping is exact, so the step count must not
/// matter). Seeds fixed; 100,000 paths; tolerance 4 SE.
/// </summary>
public class CompliancePenaltyMonteCarloTests
{
    private const double Penalty = 100;

    public static TheoryData<OptionType, double, double, double, double, double, int> Cases => new()
    {
        // type, A0/π, τ, T, β, K, steps
        { OptionType.Call, 0.10, 0.10, 1.0, 1.0, 12, 1 },
        { OptionType.Put, 0.10, 0.50, 1.0, 1.0, 8, 6 },
        { OptionType.Call, 0.30, 0.25, 1.0, 0.2, 32, 3 },
        { OptionType.Put, 0.30, 1.00, 2.0, 0.5, 25, 12 },
        { OptionType.Call, 0.50, 0.75, 1.0, 2.0, 55, 9 },
        { OptionType.Put, 0.50, 0.75, 1.0, 2.0, 45, 9 },
        { OptionType.Call, 0.70, 0.25, 1.0, 0.8, 75, 3 },   // EUA-like: EUR 70, quarterly option
        { OptionType.Put, 0.70, 0.25, 1.0, 0.8, 65, 3 },
        { OptionType.Call, 0.70, 1.00, 1.0, 0.8, 60, 4 },   // τ = T: the digital at the compliance date
        { OptionType.Put, 0.70, 1.00, 1.0, 0.8, 60, 24 },
        { OptionType.Call, 0.90, 0.90, 1.0, 5.0, 95, 2 },
        { OptionType.Put, 0.90, 0.50, 3.0, 1.5, 85, 6 },
        { OptionType.Call, 0.60, 2.00, 3.0, 0.3, 50, 8 },
        { OptionType.Put, 0.40, 0.10, 0.5, 1.0, 42, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OptionPrice_MonteCarlo_WithinFourStandardErrorsOfBivariateClosedForm(OptionType type, double moneyness, double expiry,
        double complianceDate, double exponent, double strike, int steps)
    {
        var model = new CompliancePenaltyModel(Penalty, complianceDate, moneyness * Penalty, exponent);
        double df = Math.Exp(-0.025 * expiry);
        double reference = expiry < complianceDate
            ? ComplianceBivariateNormalReference.Price(type, Penalty, complianceDate, model.InitialPrice, exponent, strike, expiry, df)
            : df * (type == OptionType.Call ? moneyness * (Penalty - strike) : (1 - moneyness) * strike); // digital at T
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(expiry, steps), new EuropeanPayoff(type, strike),
            new MonteCarloSettings { Paths = 100_000, Seed = 41 }).Scale(df);
        McAssert.WithinStandardErrors(reference, estimate, label: $"{type} A0={model.InitialPrice} K={strike} τ={expiry} β={exponent}");
    }

    [Theory]
    [InlineData(0.1, 0.5, 1.0, 1.0, 12)]
    [InlineData(0.5, 1.0, 1.0, 0.3, 52)]  // weekly steps to the compliance date
    [InlineData(0.9, 2.0, 2.0, 4.0, 1)]
    public void FuturesPrice_MonteCarlo_IsTheInitialPrice(double moneyness, double expiry, double complianceDate, double exponent, int steps)
    {
        // A is a martingale: a call struck near zero pays A_τ − K, whose mean is A_0 − K.
        var model = new CompliancePenaltyModel(Penalty, complianceDate, moneyness * Penalty, exponent);
        const double strike = 1e-9;
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(expiry, steps), new EuropeanPayoff(OptionType.Call, strike),
            new MonteCarloSettings { Paths = 100_000, Seed = 42 });
        McAssert.WithinStandardErrors(model.InitialPrice - strike, estimate);
    }

    [Fact]
    public void OptionPrice_ControlVariateOnThePrice_StaysUnbiasedAndReducesVariance()
    {
        // The mean of the price is exactly A_0 at every step, so the price is a valid control variate.
        var model = new CompliancePenaltyModel(Penalty, 1.0, 70, 0.8);
        double reference = CompliancePenalty.OptionPrice(model, OptionType.Call, 65, 0.5, 1.0);
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(0.5, 6), new EuropeanPayoff(OptionType.Call, 65),
            new MonteCarloSettings { Paths = 100_000, Seed = 43, Antithetic = true, ControlVariate = true });
        McAssert.WithinStandardErrors(reference, estimate);
        Assert.True(estimate.VarianceReduction > 3, $"variance reduction {estimate.VarianceReduction:F2}");
    }

    [Fact]
    public void OptionPrice_SobolBrownianBridge_WithinFourStandardErrors()
    {
        var model = new CompliancePenaltyModel(Penalty, 2.0, 40, 1.2);
        double reference = CompliancePenalty.OptionPrice(model, OptionType.Put, 35, 1.5, 1.0);
        var estimate = MonteCarloSimulator.Run(model, TimeGrid.Uniform(1.5, 8), new EuropeanPayoff(OptionType.Put, 35),
            new MonteCarloSettings { Paths = 32_768, Seed = 44, Random = RandomKind.SobolBrownianBridge, QuasiRandomReplicates = 16 });
        McAssert.WithinStandardErrors(reference, estimate);
    }

    [Fact]
    public void Run_AnyThreadCount_GivesTheSameBits()
    {
        var model = new CompliancePenaltyModel(Penalty, 1.0, 70, 0.8);
        MonteCarloEstimate Run(int threads) => MonteCarloSimulator.Run(model, TimeGrid.Uniform(1.0, 12), new EuropeanPayoff(OptionType.Call, 70),
            new MonteCarloSettings { Paths = 40_000, Seed = 45, MaxDegreeOfParallelism = threads });
        var one = Run(1);
        var four = Run(4);
        Assert.Equal(one.Value, four.Value);
        Assert.Equal(one.StandardError, four.StandardError);
    }

    [Fact]
    public void Step_ExtremeShocks_KeepThePriceWithinZeroAndThePenalty()
    {
        var model = new CompliancePenaltyModel(Penalty, 1.0, 70, 3.0);
        var stepper = model.Prepare(new TimeGrid([0.5, 0.99, 1.0]));
        double[] normals = [-40, -8, -1, 0, 1, 8, 40, 1e6];
        var state = new double[normals.Length];
        var price = new double[normals.Length];
        stepper.Initialize(state);
        for (int step = 0; step < 3; step++)
        {
            stepper.Step(step, state, price, new StepRandoms(normals, []));
            Assert.All(price, p => Assert.InRange(p, 0, Penalty));
        }
        // At the compliance date the price is the digital: π or 0 only.
        Assert.All(price, p => Assert.True(p == 0 || p == Penalty, $"{p}"));
        Assert.All(stepper.ExpectedPrices.ToArray(), mean => Assert.Equal(70, mean));
    }

    [Fact]
    public void Prepare_GridBeyondComplianceDate_NamesExpiry()
    {
        var model = new CompliancePenaltyModel(Penalty, 1.0, 70);
        Assert.Equal("expiry", Assert.Throws<Engine.Validation.InvalidInputException>(() => model.Prepare(TimeGrid.Uniform(1.25, 5))).Field);
    }
}

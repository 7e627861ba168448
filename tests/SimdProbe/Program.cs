using System.Globalization;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Pricing.MonteCarlo;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.SimdProbe;

/// <summary>
/// Prints the SIMD tier in use and, one per line as "name value standardError" (round-trip format),
/// the estimates of <see cref="ProbeCases"/>. Run under DOTNET_EnableAVX512F=0 or
/// DOTNET_EnableHWIntrinsic=0 it exercises the 256-bit and scalar tiers.
/// </summary>
public static class Program
{
    public static int Main()
    {
        Console.WriteLine($"tier {Vector.Tier()}");
        foreach (var (name, estimate) in ProbeCases.Run())
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {estimate.Value:R} {estimate.StandardError:R}"));
        return 0;
    }

    /// <summary>An American put by Longstaff–Schwartz: the training sums, the fit and the exercise decisions on every tier.</summary>
    private static MonteCarloEstimate LongstaffSchwartzPut(MonteCarloSettings settings)
    {
        var option = new ResolvedFuturesOption(OptionType.Put, 80, 1, 80, 0.45, Math.Exp(-0.05), 1) { Exercise = ResolvedExercise.American };
        var inputs = new PricingInputs { Method = ValuationMethod.MonteCarlo, MonteCarlo = settings, Grid = new GridSettings { ExerciseSteps = 13 } };
        var valuation = MonteCarloPricer.Value(option, inputs);
        return new MonteCarloEstimate(valuation.Value, valuation.StandardError, valuation.Paths, 13, null, 1, TimeSpan.Zero);
    }
}

/// <summary>The tier name, read through the engine's own dispatch.</summary>
internal static class Vector
{
    public static string Tier() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "Vector512" :
        System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "Vector256" : "Scalar";
}

/// <summary>Small but complete simulations: GBM, Merton (uniforms and jump sizes), Schwartz, Sobol, Longstaff–Schwartz, local vol (gathered nodes), Heston QE, regime switching, GBM in single precision.</summary>
public static class ProbeCases
{
    public static IEnumerable<(string Name, MonteCarloEstimate Estimate)> Run()
    {
        var grid = TimeGrid.Uniform(1.0, 13); // 13 steps: odd, and prices at tails of every vector width
        var settings = new MonteCarloSettings { Paths = 20_000, Seed = 77, MaxDegreeOfParallelism = 1 };
        yield return ("gbm-asian", MonteCarloSimulator.Run(new Black76Model(80, 0.45), grid, new ArithmeticAveragePayoff(OptionType.Call, 80), settings));
        yield return ("merton-put", MonteCarloSimulator.Run(new MertonJumpDiffusionModel(70, 0.33, new LogNormalJumps(6.1, -0.029, 0.083)),
            grid, new EuropeanPayoff(OptionType.Put, 65), settings with { Antithetic = true }));
        yield return ("schwartz-call", MonteCarloSimulator.Run(new SchwartzOneFactorModel(9765, 2, 9000, 0.3, new LogNormalJumps(1, -0.5, 0.2)),
            grid, new EuropeanPayoff(OptionType.Call, 9500), settings with { ControlVariate = true }));
        yield return ("sobol-call", MonteCarloSimulator.Run(new Black76Model(80, 0.45), grid, new EuropeanPayoff(OptionType.Call, 85),
            settings with { Paths = 16_384, Random = RandomKind.SobolBrownianBridge, QuasiRandomReplicates = 4 }));
        yield return ("lsm-american-put", LongstaffSchwartzPut(settings));
        var smile = new Engine.Market.Smile.SmileSurface([new Engine.Market.Smile.SviSlice(1.0, 80, new Engine.Market.Smile.SviParameters(0.1825, 0.1, -0.4, 0.0, 0.2))]);
        yield return ("local-vol-asian", MonteCarloSimulator.Run(new LocalVolatilityModel(80, smile), grid, new ArithmeticAveragePayoff(OptionType.Call, 80), settings));
        yield return ("local-vol-down-and-out", MonteCarloSimulator.Run(new LocalVolatilityModel(80, smile), grid,
            new BarrierPayoff(OptionType.Call, 80, BarrierDirection.Down, BarrierKnock.Out, 65, 0, 80, BarrierBridge.OfStepper), settings));
        yield return ("heston-call", MonteCarloSimulator.Run(new HestonModel(80, 0.16, new HestonParameters(2, 0.16, 0.9, -0.6)), grid,
            new EuropeanPayoff(OptionType.Call, 80), settings));
        yield return ("regime-switching-call", MonteCarloSimulator.Run(new RegimeSwitchingModel(80, new RegimeSwitchingParameters([0.228, 0.403, 0.954], null,
            [[0.979, 0.016, 0.005], [0.020, 0.972, 0.008], [0.017, 0.060, 0.923]])), grid, new EuropeanPayoff(OptionType.Call, 80), settings));
        yield return ("gbm-asian-single", MonteCarloSimulator.Run(new Black76Model(80, 0.45), grid, new ArithmeticAveragePayoff(OptionType.Call, 80),
            settings with { Precision = SimulationPrecision.Single, Antithetic = true }));
    }

    /// <summary>An American put by Longstaff–Schwartz: the training sums, the fit and the exercise decisions on every tier.</summary>
    private static MonteCarloEstimate LongstaffSchwartzPut(MonteCarloSettings settings)
    {
        var option = new ResolvedFuturesOption(OptionType.Put, 80, 1, 80, 0.45, Math.Exp(-0.05), 1) { Exercise = ResolvedExercise.American };
        var inputs = new PricingInputs { Method = ValuationMethod.MonteCarlo, MonteCarlo = settings, Grid = new GridSettings { ExerciseSteps = 13 } };
        var valuation = MonteCarloPricer.Value(option, inputs);
        return new MonteCarloEstimate(valuation.Value, valuation.StandardError, valuation.Paths, 13, null, 1, TimeSpan.Zero);
    }
}

using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// Heston by Andersen's QE scheme and 3-state regime switching (the EUA fit of MARKETS.md) beside GBM on the same
/// workload: 252 daily steps, a European call at the money, one core and all cores, path-steps per second; each model's
/// price against its semi-analytic reference (Fourier integral, occupation-time mixture) in standard errors.
/// </summary>
public static class StochasticVolatilityBenchmark
{
    private const int Runs = 5, Steps = 252, Paths = 100_000;
    private const double Forward = 70, Strike = 70, Expiry = 1;

    public static void Run(Dictionary<string, double> figures)
    {
        int cores = Environment.ProcessorCount;
        var grid = TimeGrid.Uniform(Expiry, Steps);
        var payoff = new EuropeanPayoff(OptionType.Call, Strike);
        var settings = new MonteCarloSettings { Paths = Paths, Seed = 11 };
        var heston = new HestonParameters(2, 0.16, 0.9, -0.6);
        var regimes = new RegimeSwitchingParameters([0.228, 0.403, 0.954], null,
            [[0.979, 0.016, 0.005], [0.020, 0.972, 0.008], [0.017, 0.060, 0.923]]);
        (string Key, string Label, IPathModel Model, double Reference)[] models =
        [
            ("gbm", "GBM (vol 40%)", new Black76Model(Forward, 0.4), Black76.Price(OptionType.Call, Forward, Strike, Expiry, 0.4, 1)),
            ("heston_qe", "Heston QE (v0 θ 0.16, κ 2, ξ 0.9, ρ −0.6; Feller violated)", new HestonModel(Forward, 0.16, heston),
                HestonFourier.Price(OptionType.Call, Forward, Strike, Expiry, 0.16, heston, 1)),
            ("regime_switching", "regime switching, 3 states (EUA fit)", new RegimeSwitchingModel(Forward, regimes),
                RegimeSwitchingEuropean.Price(OptionType.Call, Forward, Strike, Expiry, regimes, 1)),
        ];
        Console.WriteLine($"Stochastic volatility, {Steps} daily steps, ATM call, {Paths:N0} paths:");
        double gbmOne = 0;
        foreach (var (key, label, model, reference) in models)
        {
            MonteCarloEstimate? last = null;
            double pathSteps = (double)Paths * Steps;
            double one = pathSteps / Measure.MedianSeconds(Runs, () => last = MonteCarloSimulator.Run(model, grid, payoff, settings with { MaxDegreeOfParallelism = 1 }));
            double all = pathSteps / Measure.MedianSeconds(Runs, () => MonteCarloSimulator.Run(model, grid, payoff, settings with { MaxDegreeOfParallelism = cores }));
            if (key == "gbm") gbmOne = one;
            figures[$"{key}_path_steps_per_sec_1core"] = one;
            figures[$"{key}_path_steps_per_sec_allcores"] = all;
            figures[$"{key}_mc_error_vs_reference_in_se"] = (last!.Value - reference) / last.StandardError;
            Console.WriteLine($"  {label,-60} {one / 1e6,8:F1} M path-steps/s 1 core ({one / gbmOne:F2}x GBM), {all / 1e6,8:F1} M on {cores}; " +
                              $"price {last.Value:F4} ± {last.StandardError:F4} vs {reference:F4}");
        }
    }
}

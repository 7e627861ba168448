using CarbonDerivatives.Engine.Calibration;
using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Models;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Engine.Simulation.Payoffs;

namespace CarbonDerivatives.Benchmarks.Quick;

/// <summary>
/// The structural compliance model (Carmona–Hinz style, penalty EUR 100, A_0 = 70, T = 1): calibrated to
/// a 45% ATM vol on a quarterly option, then simulated with weekly steps to the compliance date on one
/// core and on all cores (path-steps per second; each step costs one normal CDF per path, vectorised), with the MC error
/// against the model's option integral and the control variate's variance reduction.
/// </summary>
public static class ComplianceModelBenchmark
{
    private const int Runs = 5, Steps = 52, Paths = 200_000, IntegralCalls = 20_000;
    private const double Penalty = 100, Initial = 70, ComplianceDate = 1, AtmVol = 0.45, QuoteExpiry = 0.25, Strike = 70;

    public static void Run(Dictionary<string, double> figures)
    {
        int cores = Environment.ProcessorCount;
        var model = CompliancePenaltyCalibration.CalibrateToAtmVolatility(Penalty, ComplianceDate, Initial, AtmVol, QuoteExpiry);
        var grid = TimeGrid.Uniform(ComplianceDate - 1.0 / Steps, Steps - 1); // weekly, ending one week before T
        var payoff = new EuropeanPayoff(OptionType.Call, Strike);
        var settings = new MonteCarloSettings { Paths = Paths, Seed = 42 };
        MonteCarloEstimate? last = null;
        double pathSteps = (double)Paths * grid.Count;
        double oneCore = pathSteps / Measure.MedianSeconds(Runs, () => last = MonteCarloSimulator.Run(model, grid, payoff, settings with { MaxDegreeOfParallelism = 1 }));
        double allCores = pathSteps / Measure.MedianSeconds(Runs, () => last = MonteCarloSimulator.Run(model, grid, payoff, settings with { MaxDegreeOfParallelism = cores }));
        double reference = CompliancePenalty.OptionPrice(model, OptionType.Call, Strike, grid.Horizon, 1.0);
        var controlled = MonteCarloSimulator.Run(model, grid, payoff, settings with { ControlVariate = true });
        double sink = 0;
        double integralSeconds = Measure.MedianSeconds(Runs, () =>
        {
            for (int i = 0; i < IntegralCalls; i++) sink += CompliancePenalty.OptionPrice(model, OptionType.Call, Strike + i * 1e-6, grid.Horizon, 1.0);
        }) / IntegralCalls;
        double longVol = CompliancePenaltyCalibration.ImpliedVolatility(model, Initial, grid.Horizon);

        figures["compliance_beta_for_45pct_atm_3m"] = model.TimeChangeExponent;
        figures["compliance_atm_vol_at_51_weeks"] = longVol;
        figures["compliance_path_steps_per_sec_1core"] = oneCore;
        figures["compliance_path_steps_per_sec_allcores"] = allCores;
        if (figures.TryGetValue("engine_path_steps_per_sec_1core", out double gbm)) figures["compliance_to_gbm_1core"] = oneCore / gbm;
        figures["compliance_integral_seconds_per_price"] = integralSeconds;
        figures["compliance_mc_error_vs_integral_in_se"] = (last!.Value - reference) / last.StandardError;
        figures["compliance_control_variate_variance_reduction"] = controlled.VarianceReduction;
        Console.WriteLine($"Compliance model (π {Penalty}, A0 {Initial}, T {ComplianceDate}; β = {model.TimeChangeExponent:F4} gives {AtmVol:P0} ATM vol at {QuoteExpiry}y, {longVol:P1} at {grid.Horizon:F3}y), {grid.Count} weekly steps, {Paths:N0} paths:");
        Console.WriteLine($"  {"engine, 1 core",-48} {oneCore / 1e6,10:F1} M path-steps/s  {1.0,7:F3}x");
        Console.WriteLine($"  {$"engine, {cores} cores",-48} {allCores / 1e6,10:F1} M path-steps/s  {allCores / oneCore,7:F3}x");
        if (figures.TryGetValue("compliance_to_gbm_1core", out double toGbm)) Console.WriteLine($"  compliance / GBM (1 core) {toGbm:F2}x");
        Console.WriteLine($"  option integral: {integralSeconds * 1e6:F1} µs per price (checksum {sink:E2})");
        Console.WriteLine($"  MC ATM call {last.Value:F4} ± {last.StandardError:F4} vs integral {reference:F4}: {figures["compliance_mc_error_vs_integral_in_se"]:F2} SE; control variate on the price: variance / {controlled.VarianceReduction:F1}");
    }
}

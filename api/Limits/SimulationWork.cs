using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Limits;

/// <summary>
/// The Monte Carlo work a request asks for, in path-steps, read from the request before it runs (what the
/// per-principal quota charges): paths x time steps for a price, paths x positions for portfolio risk (x grid
/// points for a ladder), scenarios x positions for Monte Carlo VaR, margin paths for the spec lab. Zero for
/// requests that simulate nothing. Defaults are the server's (<see cref="ServerOptions.DefaultPaths"/>) or the engine's.
/// </summary>
internal static class SimulationWork
{
    /// <summary>The spec lab's margin paths when a request leaves them at zero (Engine.Specs.Lab.SpecLabSettings).</summary>
    private static readonly long SpecLabDefaultPaths = new Engine.Specs.Lab.SpecLabSettings().Paths;

    private const long VarDefaultScenarios = 50_000;

    public static long PathSteps(object request, ServerOptions options) => request switch
    {
        PriceRequest { Method: PricingMethod.MonteCarlo } price =>
            Times(Paths(price.MonteCarlo?.Paths ?? 0, options), Steps(price)),
        SensitivitiesRequest risk => Risk(risk.Inputs, options),
        StressTestRequest stress => Risk(stress.Inputs, options),
        ScenarioLadderRequest ladder => Times(Risk(ladder.Inputs, options), Math.Max(1, ladder.PriceShocks.Count) * (long)Math.Max(1, ladder.VolShocks.Count)),
        ValueAtRiskRequest { Method: not VarMethod.Historical } var =>
            Times(var.Scenarios > 0 ? var.Scenarios : VarDefaultScenarios, Positions(var.Inputs)),
        TestSpecRequest spec => spec.Settings is { Paths: > 0 } settings ? settings.Paths : SpecLabDefaultPaths,
        _ => 0,
    };

    private static long Risk(RiskInputs? inputs, ServerOptions options) =>
        inputs?.Settings is { } settings && (settings.Method == PricingMethod.MonteCarlo || settings.Jumps.Count > 0)
            ? Times(Paths(settings.MonteCarlo?.Paths ?? settings.Paths, options), Positions(inputs))
            : 0;

    /// <summary>The most steps the request names: the old monte_carlo.steps or a grid's exercise or barrier steps (one at least).</summary>
    private static long Steps(PriceRequest price) =>
        new long[] { 1, price.MonteCarlo?.Steps ?? 0, price.Grid?.ExerciseSteps ?? 0, price.Grid?.BarrierSteps ?? 0 }.Max();

    private static long Paths(long paths, ServerOptions options) => paths == 0 ? options.DefaultPaths : Math.Max(0, paths);

    /// <summary>Positions sent inline; a saved portfolio (named by id) counts as one.</summary>
    private static long Positions(RiskInputs? inputs) => Math.Max(1, inputs?.Portfolio?.Positions.Count ?? 1);

    private static long Times(long a, long b) => a > 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}

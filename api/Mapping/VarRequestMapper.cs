using System.Collections.Immutable;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Engine.Risk;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Mapping;

/// <summary>A ValueAtRisk request's own settings (horizon, confidences, the Monte Carlo scenarios) in engine form.</summary>
internal static class VarRequestMapper
{
    /// <summary>Trading days of the horizon; 1 when unset.</summary>
    public static int Horizon(Proto.ValueAtRiskRequest request) => request.HorizonDays == 0 ? 1 : request.HorizonDays;

    /// <summary>The confidences asked for; 95%, 97.5% and 99% when none.</summary>
    public static ImmutableArray<double> Confidences(Proto.ValueAtRiskRequest request) =>
        request.Confidences.Count == 0 ? [0.95, 0.975, 0.99] : [.. request.Confidences];

    /// <summary>The Monte Carlo settings: scenarios (50 000 when unset, within the server's path budget), seed, vols, correlations, method.</summary>
    public static VarSettings MonteCarlo(Proto.ValueAtRiskRequest request, ServerOptions options)
    {
        int scenarios = request.Scenarios == 0 ? 50_000 : request.Scenarios;
        if (scenarios > options.MaxPaths)
            throw new Engine.Validation.BudgetExceededException("scenarios", scenarios, options.MaxPaths, "scenarios",
                "each scenario is one path of the server's path budget");
        return new VarSettings
        {
            HorizonDays = Horizon(request),
            Confidences = Confidences(request),
            Scenarios = scenarios,
            Seed = request.Seed,
            Method = request.Method == Proto.VarMethod.DeltaGamma ? Engine.Risk.VarMethod.DeltaGamma : Engine.Risk.VarMethod.FullRevaluation,
            Volatilities = request.Volatilities.ToImmutableDictionary(),
            Correlations = RiskFieldPath.Translate(() => new Correlations(request.Correlations.Select(x => (x.A, x.B, x.Rho)))),
            CurveDecay = request.CurveDecay.ToImmutableDictionary(),
            CurveHistory = CurveHistory(request),
        };
    }

    /// <summary>The curve's return series by tenor; a tenor named twice is refused.</summary>
    private static ImmutableDictionary<string, ImmutableArray<double>> CurveHistory(Proto.ValueAtRiskRequest request)
    {
        var history = ImmutableDictionary.CreateBuilder<string, ImmutableArray<double>>(StringComparer.Ordinal);
        for (int i = 0; i < request.CurveHistory.Count; i++)
        {
            var series = request.CurveHistory[i];
            if (!history.TryAdd(series.Underlying, [.. series.LogReturns]))
                throw RpcErrors.InvalidArgument($"curve_history[{i}].underlying", $"tenor '{series.Underlying}' has a series already");
        }
        return history.ToImmutable();
    }
}

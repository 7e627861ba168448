using System.Collections.Immutable;
using System.Diagnostics;
using CarbonDerivatives.Api.Cluster;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Api.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using StressScenario = CarbonDerivatives.Engine.Risk.StressScenario;
using VarMethod = CarbonDerivatives.Protos.V1.VarMethod;

namespace CarbonDerivatives.Api.Services;

/// <summary>
/// RiskService: maps the request, runs the engine's portfolio risk (simulations through the
/// <see cref="SimulationGate"/>, the call's cancellation token all the way down), streams progress for
/// long jobs and maps the result back.
/// </summary>
[Authorize(CarbonRoles.Reader)]
public sealed partial class RiskGrpcService(ISnapshotStore snapshots, PortfolioStore portfolios, SimulationGate gate, IOptions<ServerOptions> options,
    Engine.Simulation.SimulationLimits limits, ClusterRisk? cluster = null) : RiskService.RiskServiceBase
{
    public override async Task Sensitivities(SensitivitiesRequest request, IServerStreamWriter<SensitivitiesUpdate> stream, ServerCallContext context)
    {
        var clock = Stopwatch.StartNew();
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        bool simulated = c.Settings.Method == Engine.Pricing.ValuationMethod.MonteCarlo;
        (PortfolioRisk Risk, ShardReport? Report) run = simulated && cluster is not null
            ? await RunAsync(stream, (u, f) => u.Progress = Progress(f, "simulating"),
                p => cluster.Sensitivities(request, p, context.CancellationToken), context.CancellationToken)
            : (await Run(simulated, stream, (u, f) => u.Progress = Progress(f, "simulating"),
                p => PortfolioRiskEngine.Compute(c.Portfolio, c.Market, c.Fx, c.Settings, limits, p, context.CancellationToken), context.CancellationToken), null);
        var result = RiskResultMapper.Sensitivities(run.Risk, clock.Elapsed.TotalMilliseconds, c.InstrumentPath);
        result.Cluster = ClusterRunMapper.ToProto(run.Report);
        await stream.WriteAsync(new SensitivitiesUpdate { Result = result });
    }

    public override async Task ScenarioLadder(ScenarioLadderRequest request, IServerStreamWriter<ScenarioLadderUpdate> stream, ServerCallContext context)
    {
        var clock = Stopwatch.StartNew();
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        double[] volShocks = request.VolShocks.Count == 0 ? [0.0] : [.. request.VolShocks];
        (Engine.Risk.ScenarioLadderResult Ladder, ShardReport? Report) run = cluster is not null
            ? await ProgressStream.RunAsync(p => Task.Run(() => cluster.ScenarioLadder(request, p, context.CancellationToken), context.CancellationToken),
                Writer<ScenarioLadderUpdate>(stream, (u, f) => u.Progress = Progress(f, "revaluing"), context.CancellationToken), context.CancellationToken)
            : (await Run(false, stream, (u, f) => u.Progress = Progress(f, "revaluing"),
                p => Engine.Risk.ScenarioLadder.Run(c.Portfolio, c.Market, c.Fx, [.. request.PriceShocks], volShocks, c.Settings, p, context.CancellationToken,
                    request.SkewShock, request.SmileShock),
                context.CancellationToken), null);
        var result = RiskResultMapper.Ladder(run.Ladder, clock.Elapsed.TotalMilliseconds, c.InstrumentPath);
        result.Cluster = ClusterRunMapper.ToProto(run.Report);
        await stream.WriteAsync(new ScenarioLadderUpdate { Result = result });
    }

    public override async Task<StressTestResponse> StressTest(StressTestRequest request, ServerCallContext context)
    {
        var clock = Stopwatch.StartNew();
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        var scenarios = Scenarios(request);
        var report = await Task.Run(() => RiskFieldPath.Translate(() =>
            StressTester.Run(c.Portfolio, c.Market, c.Fx, scenarios, c.Settings, context.CancellationToken)), context.CancellationToken);
        return RiskResultMapper.Stress(report, c.Portfolio.ReportingCurrency, clock.Elapsed.TotalMilliseconds, c.InstrumentPath);
    }

    public override Task<ListStressScenariosResponse> ListStressScenarios(ListStressScenariosRequest request, ServerCallContext context) =>
        Task.FromResult(new ListStressScenariosResponse { Scenarios = { StressCatalogue.Historical.Concat(StressCatalogue.Smile).Concat(StressCatalogue.Hypothetical).Select(RiskResultMapper.Scenario) } });

    public override async Task ValueAtRisk(ValueAtRiskRequest request, IServerStreamWriter<ValueAtRiskUpdate> stream, ServerCallContext context)
    {
        var clock = Stopwatch.StartNew();
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        int horizon = VarRequestMapper.Horizon(request);
        var confidences = VarRequestMapper.Confidences(request);
        VarResult var;
        ShardReport? report = null;
        if (request.Method == VarMethod.Historical)
        {
            var returns = request.Returns.ToDictionary(r => r.Underlying, r => (IReadOnlyList<double>)r.LogReturns.ToArray());
            var = await Task.Run(() => RiskFieldPath.Translate(() =>
                HistoricalVaR.Compute(c.Portfolio, c.Market, c.Fx, returns, horizon, confidences, c.Settings)), context.CancellationToken);
        }
        else
        {
            var settings = VarRequestMapper.MonteCarlo(request, options.Value);
            if (cluster is not null)
                (var, report) = await RunAsync(stream, (u, f) => u.Progress = Progress(f, "simulating scenarios"),
                    p => cluster.ValueAtRisk(request, p, context.CancellationToken), context.CancellationToken);
            else
                var = await Run(true, stream, (u, f) => u.Progress = Progress(f, "simulating scenarios"),
                    p => MonteCarloVaR.Compute(c.Portfolio, c.Market, c.Fx, settings, c.Settings, p, context.CancellationToken), context.CancellationToken);
        }
        var result = RiskResultMapper.ValueAtRisk(var, request.Method == VarMethod.Unspecified ? VarMethod.FullRevaluation : request.Method,
            c.Portfolio.ReportingCurrency, clock.Elapsed.TotalMilliseconds, c.InstrumentPath);
        result.Cluster = ClusterRunMapper.ToProto(report);
        await stream.WriteAsync(new ValueAtRiskUpdate { Result = result });
    }

    private static List<StressScenario> Scenarios(StressTestRequest request)
    {
        var catalogue = StressCatalogue.Historical.Concat(StressCatalogue.Smile).Concat(StressCatalogue.Hypothetical).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var chosen = new List<StressScenario>();
        for (int i = 0; i < request.CatalogueScenarios.Count; i++)
        {
            if (!catalogue.TryGetValue(request.CatalogueScenarios[i], out var scenario))
                throw RpcErrors.InvalidArgument($"catalogue_scenarios[{i}]",
                    $"unknown scenario '{request.CatalogueScenarios[i]}' (ListStressScenarios names them)");
            chosen.Add(scenario);
        }
        for (int i = 0; i < request.CustomScenarios.Count; i++)
        {
            var s = request.CustomScenarios[i];
            var scenario = new StressScenario(s.Name, s.Description, s.PriceShocks.ToImmutableDictionary(), s.VolShock, s.Days, s.SkewShock, s.SmileShock)
            {
                SlopeShocks = s.SlopeShocks.ToImmutableDictionary(),
            };
            FieldPath.Translate("", () => { scenario.Validate($"{nameof(request.CustomScenarios)}[{i}]"); return 0; });
            chosen.Add(scenario);
        }
        return chosen.Count > 0 ? chosen : [.. StressCatalogue.Historical];
    }

    /// <summary>Runs an engine job (through the gate when it simulates) while streaming its progress.</summary>
    private Task<T> Run<T, TUpdate>(bool simulated, IServerStreamWriter<TUpdate> stream, Action<TUpdate, double> setProgress,
        Func<IProgress<double>, T> job, CancellationToken cancellation) where TUpdate : class, new() =>
        simulated
            ? RunAsync(stream, setProgress, progress => Task.Run(() => RiskFieldPath.Translate(() => job(progress)), cancellation), cancellation)
            : ProgressStream.RunAsync(progress => Task.Run(() => RiskFieldPath.Translate(() => job(progress)), cancellation),
                Writer(stream, setProgress, cancellation), cancellation);

    /// <summary>Runs a simulation (here or across the cluster) through the gate while streaming its progress.</summary>
    private Task<T> RunAsync<T, TUpdate>(IServerStreamWriter<TUpdate> stream, Action<TUpdate, double> setProgress,
        Func<IProgress<double>, Task<T>> simulation, CancellationToken cancellation) where TUpdate : class, new() =>
        ProgressStream.RunAsync(progress => gate.RunAsync(() => simulation(progress), cancellation), Writer(stream, setProgress, cancellation), cancellation);

    private static Func<double, Task> Writer<TUpdate>(IServerStreamWriter<TUpdate> stream, Action<TUpdate, double> setProgress, CancellationToken cancellation)
        where TUpdate : class, new() => fraction =>
    {
        var update = new TUpdate();
        setProgress(update, fraction);
        return stream.WriteAsync(update, cancellation);
    };

    private static Progress Progress(double fraction, string stage) => new() { Fraction = fraction, Stage = stage };
}

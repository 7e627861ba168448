using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Risk;
using CarbonDerivatives.Engine.Simulation;
using Microsoft.Extensions.Options;
using Proto = CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// Turns a request into its engine job, the same way on the node that receives the call and on every silo that runs a
/// shard of it: the request's bytes determine the job, and so the bits of every block.
/// </summary>
public sealed class ShardJobs(ISnapshotStore snapshots, PortfolioStore portfolios, IOptions<ServerOptions> options, SimulationLimits limits)
{
    private readonly ValuationService _valuation = new(limits);

    /// <summary>The shard view of the job of <paramref name="request"/> (protobuf bytes of the <paramref name="kind"/>'s request).</summary>
    public IShardJob Rebuild(ClusterJobKind kind, byte[] request) => kind switch
    {
        ClusterJobKind.Sensitivities => Sensitivities(Proto.SensitivitiesRequest.Parser.ParseFrom(request)).Job
            ?? throw new InvalidOperationException("the book has nothing to simulate"),
        ClusterJobKind.ValueAtRisk => ValueAtRisk(Proto.ValueAtRiskRequest.Parser.ParseFrom(request)).Job,
        ClusterJobKind.ScenarioLadder => ScenarioLadder(Proto.ScenarioLadderRequest.Parser.ParseFrom(request)).Job,
        ClusterJobKind.Price => Price(Proto.PriceRequest.Parser.ParseFrom(request)).Job
            ?? throw new InvalidOperationException("a closed form has nothing to simulate"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown job kind"),
    };

    /// <summary>The book planned: its risk context, the prepared risk and its simulation (null when nothing is simulated).</summary>
    internal (RiskContext Context, PreparedPortfolioRisk Prepared, ShardJob<SampleMoments[]>? Job) Sensitivities(Proto.SensitivitiesRequest request)
    {
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        var prepared = RiskFieldPath.Translate(() => PortfolioRiskEngine.Prepare(c.Portfolio, c.Market, c.Fx, c.Settings, limits));
        return (c, prepared, prepared.Job is { } job ? new ShardJob<SampleMoments[]>(job, SampleMomentsCodec.Instance) : null);
    }

    /// <summary>The Monte Carlo VaR planned: its risk context and scenario job.</summary>
    internal (RiskContext Context, VarScenarioJob Scenarios, ShardJob<double[]> Job) ValueAtRisk(Proto.ValueAtRiskRequest request)
    {
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        var settings = VarRequestMapper.MonteCarlo(request, options.Value);
        var scenarios = RiskFieldPath.Translate(() => MonteCarloVaR.Prepare(c.Portfolio, c.Market, c.Fx, settings, c.Settings));
        return (c, scenarios, new ShardJob<double[]>(scenarios, DoubleArrayCodec.Instance));
    }

    /// <summary>The ladder planned: its risk context, the row job and its shard view.</summary>
    internal (RiskContext Context, ScenarioLadderJob Rows, ShardJob<double[]> Job) ScenarioLadder(Proto.ScenarioLadderRequest request)
    {
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        double[] volShocks = request.VolShocks.Count == 0 ? [0.0] : [.. request.VolShocks];
        var rows = RiskFieldPath.Translate(() => Engine.Risk.ScenarioLadder.Prepare(c.Portfolio, c.Market, c.Fx, [.. request.PriceShocks], volShocks,
            c.Settings, request.SkewShock, request.SmileShock));
        return (c, rows, new ShardJob<double[]>(rows, DoubleArrayCodec.Instance));
    }

    /// <summary>The trade planned and checked: its prepared valuation and simulation (null for a closed form).</summary>
    internal (PreparedValuation Prepared, ShardJob<SampleMoments[]>? Job) Price(Proto.PriceRequest request,
        CancellationToken cancellation = default)
    {
        var domain = PriceRequestMapper.ToDomain(request, snapshots, options.Value);
        string instrument = InstrumentMapper.CasePath(request.Instrument, "instrument");
        var prepared = FieldPath.Translate("", () => _valuation.Prepare(domain, cancellation), instrument);
        return (prepared, prepared.Job is { } job ? new ShardJob<SampleMoments[]>(job, SampleMomentsCodec.Instance) : null);
    }
}

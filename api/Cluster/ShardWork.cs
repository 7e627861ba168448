namespace CarbonDerivatives.Api.Cluster;

/// <summary>The kinds of job a silo can rebuild from their request (see <see cref="ShardJobs"/>).</summary>
public enum ClusterJobKind
{
    /// <summary>A <c>SensitivitiesRequest</c>: the book's one simulation job.</summary>
    Sensitivities,

    /// <summary>A Monte Carlo <c>ValueAtRiskRequest</c>: the scenario job.</summary>
    ValueAtRisk,

    /// <summary>A Monte Carlo <c>PriceRequest</c>: the trade's simulation.</summary>
    Price,

    /// <summary>A <c>ScenarioLadderRequest</c>: a row of the ladder per block.</summary>
    ScenarioLadder,
}

/// <summary>
/// One shard: blocks [<see cref="Start"/>, <see cref="End"/>) of the job that <see cref="Request"/> (protobuf bytes, every
/// reference resolved inline) describes. <see cref="Blocks"/> is the job's block count on the node that cut it: a silo whose
/// rebuilt job differs refuses the shard rather than merge foreign bits.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.ShardWork")]
public sealed record ShardWork(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] ClusterJobKind Kind,
    [property: Id(2)] byte[] Request,
    [property: Id(3)] long Start,
    [property: Id(4)] long End,
    [property: Id(5)] long Blocks);

/// <summary>What a shard sends back: its encoded block partial (<see cref="PartialEncoding"/>), the silo that ran it, its run time.</summary>
[GenerateSerializer, Immutable, Alias("carbon.ShardOutcome")]
public sealed record ShardOutcome(
    [property: Id(0)] byte[] Partial,
    [property: Id(1)] string Silo,
    [property: Id(2)] double ElapsedMs);

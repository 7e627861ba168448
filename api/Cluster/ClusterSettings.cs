namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// Scale-out settings, the "Carbon:Cluster" section. <see cref="Mode"/> "none" (default) is one node on its own;
/// "localhost" runs an Orleans silo next to the gRPC server with development clustering on loopback (the node whose
/// <see cref="SiloPort"/> equals <see cref="PrimarySiloPort"/> is the primary); "postgres" keeps Orleans membership, and
/// the saved documents, in the PostgreSQL database of <c>Carbon:PostgresConnectionString</c>.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Carbon:Cluster";

    /// <summary>"none", "localhost" or "postgres".</summary>
    public string Mode { get; set; } = "none";

    /// <summary>Orleans cluster id: nodes with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "carbon";

    /// <summary>Silo-to-silo port of this node.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port of this node.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>"localhost" mode: the primary silo's port, which every node joins.</summary>
    public int PrimarySiloPort { get; set; } = 11111;

    /// <summary>"postgres" mode: the address other silos reach this one at.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>A job is cut into at most this many shards (block ranges), never more than its blocks.</summary>
    public int MaxShardsPerJob { get; set; } = 64;

    /// <summary>Shards in flight per live silo: enough to keep every node busy, few enough that placement sees the load.</summary>
    public int ShardsInFlightPerSilo { get; set; } = 2;

    /// <summary>
    /// Shards of admitted jobs, queued or running, the whole cluster holds at most: a job that would pass it is refused
    /// with RESOURCE_EXHAUSTED (subject "server.cluster_shards") before any of its shards is sent.
    /// </summary>
    public int MaxQueuedShards { get; set; } = 1024;

    /// <summary>
    /// A Monte Carlo <c>Price</c> is shared out over the cluster when its paths times its steps (summed over the
    /// simulation's groups: bumped revaluations and training included) reach this; smaller ones run on the node that
    /// received the call, where a shard's round trip would cost more than it saves.
    /// </summary>
    public long MinPathStepsToShard { get; set; } = 100_000_000;

    /// <summary>
    /// A <c>ScenarioLadder</c>'s rows are shared out over the cluster when its closed-form revaluations (cells times
    /// priced positions) reach this; smaller ladders take less time than the book's bytes take to travel.
    /// </summary>
    public long MinRevaluationsToShard { get; set; } = 10_000_000;

    /// <summary>Attempts of one shard before the job fails (a dead silo's shards are placed again).</summary>
    public int MaxShardAttempts { get; set; } = 5;

    /// <summary>Whether this node runs as a cluster member.</summary>
    public bool Enabled => ClusterModes.Parse(Mode) != ClusterMode.None;
}

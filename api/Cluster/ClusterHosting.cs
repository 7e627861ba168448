using System.Net;
using Orleans.Configuration;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// Makes the node a cluster member when <see cref="ClusterSettings.Mode"/> says so: an Orleans silo co-hosted with the
/// gRPC server (same process, same services), clustered on loopback or through PostgreSQL, running shard grains and
/// sending the risk service's Monte Carlo jobs and large Monte Carlo prices across the cluster. Mode "none" adds nothing.
/// </summary>
public static class ClusterHosting
{
    private const string ServiceId = "carbon-derivatives";

    public static void AddCarbonCluster(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ClusterSettings.Section);
        builder.Services.Configure<ClusterSettings>(section);
        var settings = section.Get<ClusterSettings>() ?? new ClusterSettings();
        var mode = ClusterModes.Parse(settings.Mode);
        if (mode == ClusterMode.None) return;
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = ServiceId;
            });
            if (mode == ClusterMode.Localhost)
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, new IPEndPoint(IPAddress.Loopback, settings.PrimarySiloPort),
                    ServiceId, settings.ClusterId);
            else
            {
                string connectionString = builder.Configuration[$"{Hosting.ServerOptions.Section}:{nameof(Hosting.ServerOptions.PostgresConnectionString)}"] ?? "";
                if (connectionString.Length == 0)
                    throw new InvalidOperationException("Carbon:PostgresConnectionString is required in cluster mode \"postgres\"");
                OrleansPostgresSchema.Ensure(connectionString);
                silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            }
            silo.AddCarbonClusterNode();
        });
    }

    /// <summary>
    /// What a cluster node needs to run shards and to send jobs across the cluster (the server's stores, options and limits
    /// must be registered too), and failure detection quick enough that a dead node's shards move within seconds: probes
    /// time out after 2 s, a silo is dead after 2 missed ones.
    /// </summary>
    public static ISiloBuilder AddCarbonClusterNode(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<ClusterSettings>();
        silo.Services.AddSingleton<ClusterJobRunner>();
        silo.Services.AddSingleton<ClusterRisk>();
        silo.Services.AddSingleton<ClusterPricing>();
        silo.Services.AddSingleton<ShardJobs>();
        silo.Services.AddSingleton<PreparedShardJobs>();
        silo.Services.AddSingleton<ShardSlots>();
        silo.Services.AddSingleton<ShardActivity>();
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = o.MaxProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
        });
        return silo;
    }
}

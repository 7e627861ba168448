using CarbonDerivatives.Api.Audit;
using CarbonDerivatives.Api.Cluster;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Http;
using CarbonDerivatives.Api.Hosting.Drain;
using CarbonDerivatives.Api.Limits;
using CarbonDerivatives.Api.Services;
using CarbonDerivatives.Api.Portfolios;
using CarbonDerivatives.Api.Security;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Api.Specs;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Api.Telemetry;
using CarbonDerivatives.Api.Wire;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Simulation;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Hosting;

/// <summary>Builds the host: Kestrel (gRPC over h2c, the page and JSON over HTTP/1.1), services, interceptors, health and reflection.</summary>
public static class CarbonServer
{
    /// <summary>The default address when neither --urls nor ASPNETCORE_URLS says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(InsecureFlag.ToSetting(args));
        builder.AddCarbonSecurity(); // first: its HTTPS defaults (the server certificate) must exist when the listeners are made
        // gRPC over plain-text HTTP/2 (h2c) on --urls; the page and JSON routes over HTTP/1.1 on Carbon:WebUrls.
        CarbonListeners.Configure(builder, DefaultUrl);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        builder.Services.Configure<ServerOptions>(builder.Configuration.GetSection(ServerOptions.Section));
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ServerOptions>>().Value;
            return new SimulationLimits { MaxPathSteps = o.MaxPathSteps, MaxPaths = o.MaxPaths, MaxSteps = o.MaxSteps };
        });
        builder.Services.AddSingleton<IValuationService>(sp => new ValuationService(sp.GetRequiredService<SimulationLimits>()));
        builder.Services.AddSingleton(sp => DocumentStore(sp.GetRequiredService<IOptions<ServerOptions>>().Value,
            sp.GetRequiredService<IOptions<ClusterSettings>>().Value, builder.Environment.ContentRootPath, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ISnapshotStore, SnapshotStore>();
        builder.Services.AddSingleton<PortfolioStore>();
        builder.Services.AddSingleton<SpecStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new SpecCatalog(
            SpecLibraryLoader.Load(SpecDirectory.Find(sp.GetRequiredService<IOptions<ServerOptions>>().Value.SpecsDirectory, builder.Environment.ContentRootPath),
                DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SpecCatalog))),
            sp.GetRequiredService<SpecStore>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<SimulationGate>();
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<RequestLoggingInterceptor>();
            o.Interceptors.Add<ExceptionMappingInterceptor>();
            o.Interceptors.Add<FiniteReplyInterceptor>();
            o.MaxReceiveMessageSize = 16 * 1024 * 1024;
        });
        builder.Services.AddCarbonHttpApi();
        builder.Services.AddMalformedRequestGuard(); // after every AddGrpc: it replaces the service binder they register
        builder.Services.AddGrpcHealthChecks().AddCheck("engine", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        builder.AddCarbonRateLimits();
        builder.AddCarbonTelemetry();
        builder.AddCarbonDrain();
        builder.Services.AddCarbonAudit();
        builder.AddCarbonCluster(); // mode "none" (the default) adds nothing

        var app = builder.Build();
        ReserveThreads(app.Services.GetRequiredService<IOptions<ServerOptions>>().Value);
        SimulationBackends.Configured(app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.Backend); // a bad Carbon:Backend stops the start
        app.Services.GetRequiredService<SpecCatalog>(); // load (and log) the spec library at start, not on the first call
        app.UseCarbonTelemetry();
        app.UseCarbonSecurity();
        app.UseCarbonRateLimits();
        app.UseMalformedRequestGuard();
        app.MapGrpcService<PricingGrpcService>();
        app.MapGrpcService<MarketDataGrpcService>();
        app.MapGrpcService<RiskGrpcService>();
        app.MapGrpcService<SpecGrpcService>();
        app.MapGrpcService<ModelGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapCarbonHttpApi();
        return app;
    }

    private static IDocumentStore DocumentStore(ServerOptions options, ClusterSettings cluster, string contentRoot, TimeProvider time) =>
        (ClusterModes.Parse(cluster.Mode) == ClusterMode.Postgres ? "postgres" : options.Store) switch
        {
            "sqlite" => new SqliteDocumentStore(Path.Combine(contentRoot, options.DatabasePath), time),
            "postgres" when options.PostgresConnectionString.Length > 0 => new PostgresDocumentStore(options.PostgresConnectionString, time),
            "postgres" => throw new InvalidOperationException("Carbon:PostgresConnectionString is required for the \"postgres\" store"),
            "memory" => new InMemoryDocumentStore(),
            _ => throw new InvalidOperationException($"Carbon:Store must be \"sqlite\", \"postgres\" or \"memory\", got \"{options.Store}\""),
        };

    /// <summary>
    /// Simulations block thread-pool threads (one per core each). Without spare threads ready, Kestrel's
    /// I/O, deadline timers and cancellation callbacks (and a cluster node's Orleans messages, such as a shard's
    /// cancellation) would wait for the pool's slow thread injection (about two a second), so a deadline could not
    /// stop a simulation promptly. <paramref name="nodes"/>: the nodes in this process (tests run several).
    /// </summary>
    internal static void ReserveThreads(ServerOptions options, int nodes = 1)
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        int needed = nodes * Environment.ProcessorCount * (options.MaxConcurrentSimulations + 2) + 16;
        if (workers < needed) ThreadPool.SetMinThreads(needed, io);
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Hosting.Drain;

/// <summary>
/// On SIGTERM (or any host stop), before Kestrel stops: drain, then wait for the admitted simulations to finish,
/// at most the grace period. Kestrel then finishes the remaining calls and the process exits 0.
/// </summary>
internal sealed partial class DrainOnShutdown(ServerDrain drain, IOptions<DrainOptions> options, ILogger<DrainOnShutdown> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var grace = TimeSpan.FromSeconds(options.Value.GraceSeconds);
        LogDraining(drain.InFlight, grace.TotalSeconds);
        var idle = drain.BeginAsync();
        var finished = await Task.WhenAny(idle, Task.Delay(grace, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default));
        if (finished == idle) LogDrained();
        else LogGraceExpired(drain.InFlight);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining: health NOT_SERVING, new Monte Carlo calls UNAVAILABLE; waiting for {InFlight} simulation(s), at most {GraceSeconds} s")]
    private partial void LogDraining(int inFlight, double graceSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drained: every admitted simulation finished; stopping")]
    private partial void LogDrained();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drain grace expired with {InFlight} simulation(s) still running; stopping anyway")]
    private partial void LogGraceExpired(int inFlight);
}

/// <summary>Unhealthy while draining, so gRPC health says NOT_SERVING and balancers move traffic away.</summary>
internal sealed class DrainingHealthCheck(ServerDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining ? HealthCheckResult.Unhealthy("draining: the server is shutting down") : HealthCheckResult.Healthy());
}

public static class DrainExtensions
{
    /// <summary>Registers the drain on shutdown; the host's shutdown timeout becomes the grace plus a margin for the remaining calls.</summary>
    public static WebApplicationBuilder AddCarbonDrain(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DrainOptions.Section).Get<DrainOptions>() ?? new DrainOptions();
        builder.Services.Configure<DrainOptions>(builder.Configuration.GetSection(DrainOptions.Section));
        builder.Services.AddSingleton<ServerDrain>();
        builder.Services.AddHostedService<DrainOnShutdown>();
        builder.Services.AddHealthChecks().AddCheck<DrainingHealthCheck>("drain");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.GraceSeconds + 10));
        return builder;
    }
}

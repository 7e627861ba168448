using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Security;

/// <summary>
/// At start: prints the development key (development mode), warns loudly when <c>--insecure</c> lets the server
/// listen off loopback without TLS or credentials, and stops a server that a listener configured in code bound
/// unsafely (the start-up check sees only configured addresses).
/// </summary>
internal sealed partial class SecurityStartupReport(IServer server, IHostApplicationLifetime lifetime, IOptions<SecurityOptions> security,
    AnonymousAccess anonymous, ILogger<SecurityStartupReport> logger, DevelopmentKey? developmentKey = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Report);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var problems = ListenAddresses.Problems(bound, security.Value.CredentialsConfigured);
        if (problems.Count > 0 && !security.Value.Insecure)
        {
            LogRefused(string.Join("; ", problems));
            Environment.ExitCode = 2;
            lifetime.StopApplication();
            return;
        }
        foreach (string problem in problems) LogInsecure(problem);
        if (developmentKey is not null) LogDevelopmentKey(anonymous.Role ?? "none", developmentKey.Key);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode (no credentials configured): anonymous callers are {AnonymousRole}s; "
        + "writes and deletes need the development key {Key} (x-api-key header; carbon --api-key KEY), valid until this server stops. "
        + "Configure Carbon:Security:ApiKeys or Carbon:Security:Jwt for real use.")]
    private partial void LogDevelopmentKey(string anonymousRole, string key);

    [LoggerMessage(Level = LogLevel.Critical, Message = "INSECURE (--insecure): {Problem}. Anyone who can reach this address can call the server.")]
    private partial void LogInsecure(string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "refusing to serve: {Problems}. Or pass --insecure (never in production). Stopping.")]
    private partial void LogRefused(string problems);
}

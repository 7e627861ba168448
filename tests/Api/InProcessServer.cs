using CarbonDerivatives.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Starts the real server (Kestrel, HTTP/2) in this process on a free loopback port with its own SQLite file and the
/// <see cref="TestCredentials"/> keys (later arguments override earlier ones).
/// </summary>
internal static class InProcessServer
{
    /// <summary>The started app and its address, e.g. http://127.0.0.1:41234.</summary>
    public static async Task<(WebApplication App, string Address)> StartAsync(string databasePath, params string[] extraArguments)
    {
        var app = CarbonServer.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--Carbon:DatabasePath={databasePath}", .. TestCredentials.ServerArguments(), .. extraArguments]);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }
}

using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Starts the real server in this process with its own SQLite file and the <see cref="TestCredentials"/> keys (later
/// arguments override earlier ones): gRPC (h2c) and the page/JSON listener (HTTP/1.1), each on a free loopback port.
/// </summary>
internal static class InProcessServer
{
    /// <summary>The started app and its gRPC address, e.g. http://127.0.0.1:41234.</summary>
    public static async Task<(WebApplication App, string Address)> StartAsync(string databasePath, params string[] extraArguments)
    {
        var app = CarbonServer.Build(["--urls", "http://127.0.0.1:0", "--Carbon:WebUrls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--Carbon:DatabasePath={databasePath}", .. TestCredentials.ServerArguments(), .. extraArguments]);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<CarbonListeners>().GrpcUrls.Single());
    }

    /// <summary>The address of the started app's page and JSON routes (HTTP/1.1).</summary>
    public static string WebAddress(WebApplication app) => app.Services.GetRequiredService<CarbonListeners>().WebUrls.Single();
}

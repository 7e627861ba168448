using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CarbonDerivatives.Api.Http;

/// <summary>
/// The server's two kinds of listener. gRPC clients speak plaintext HTTP/2 (h2c) on the <c>--urls</c> address
/// (default <see cref="Hosting.CarbonServer.DefaultUrl"/>); browsers never speak h2c, so the spec-lab page and the
/// JSON routes also get an HTTP/1.1 listener, <c>Carbon:WebUrls</c> (default <see cref="DefaultWebUrls"/>; empty for
/// none). Each setting may list several URLs separated by ';'. Every URL actually bound is logged at start.
/// </summary>
public sealed partial class CarbonListeners
{
    /// <summary>Configuration key of the HTTP/1.1 listeners.</summary>
    public const string WebUrlsKey = "Carbon:WebUrls";

    public const string DefaultWebUrls = "http://localhost:5081";

    private readonly List<Listener> _grpc = [];
    private readonly List<Listener> _web = [];

    /// <summary>The h2c gRPC addresses as bound (a port 0 resolved), e.g. http://127.0.0.1:5080.</summary>
    public IReadOnlyList<string> GrpcUrls => _grpc.Select(l => l.Url).ToArray();

    /// <summary>The HTTP/1.1 addresses of the page and JSON routes as bound, e.g. http://localhost:5081.</summary>
    public IReadOnlyList<string> WebUrls => _web.Select(l => l.Url).ToArray();

    /// <summary>Binds the gRPC and web listeners from configuration in place of Kestrel's single --urls list.</summary>
    public static void Configure(WebApplicationBuilder builder, string defaultGrpcUrls)
    {
        string grpcUrls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls ? urls : defaultGrpcUrls;
        string webUrls = builder.Configuration[WebUrlsKey] ?? DefaultWebUrls;
        builder.Services.AddSingleton<IStartupFilter, HostingUrlsBoundHere>();
        var listeners = new CarbonListeners();
        builder.Services.AddSingleton(listeners);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (string url in Split(grpcUrls)) Listen(kestrel, url, HttpProtocols.Http2, listeners._grpc);
            foreach (string url in Split(webUrls)) Listen(kestrel, url, HttpProtocols.Http1, listeners._web);
        });
    }

    /// <summary>Logs every bound URL once the server has started.</summary>
    public void LogAddresses(ILogger logger)
    {
        foreach (string url in GrpcUrls) GrpcListening(logger, url);
        foreach (string url in WebUrls) WebListening(logger, url, url.TrimEnd('/') + "/swagger/v1/swagger.json");
    }

    private static IEnumerable<string> Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols, List<Listener> into)
    {
        var address = BindingAddress.Parse(url);
        bool https = address.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
        bool localhost = address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
        void Configure(ListenOptions options)
        {
            options.Protocols = protocols;
            if (https) options.UseHttps();
            into.Add(new Listener(options, https ? "https" : "http", localhost));
        }

        if (localhost) kestrel.ListenLocalhost(address.Port, Configure);
        else if (address.Host is "*" or "+") kestrel.ListenAnyIP(address.Port, Configure);
        else if (IPAddress.TryParse(address.Host, out var ip)) kestrel.Listen(ip, address.Port, Configure);
        else throw new InvalidOperationException($"Cannot listen on {url}: the host must be an IP address, localhost or *");
    }

    /// <summary>
    /// The listeners replace the host's --urls list, which the host hands Kestrel just before it starts: cleared here,
    /// or Kestrel would warn that it overrides addresses that are in fact bound.
    /// </summary>
    private sealed class HostingUrlsBoundHere : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.ServerFeatures.Get<IServerAddressesFeature>()?.Addresses.Clear();
            next(app);
        };
    }

    /// <summary>A bound listener: Kestrel updates the options' endpoint with the port it got for port 0.</summary>
    private sealed record Listener(ListenOptions Options, string Scheme, bool Localhost)
    {
        public string Url => Localhost
            ? $"{Scheme}://localhost:{Options.IPEndPoint!.Port}"
            : $"{Scheme}://{new IPEndPoint(Options.IPEndPoint!.Address, Options.IPEndPoint.Port)}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "gRPC (HTTP/2 without TLS, h2c) on {Url}")]
    private static partial void GrpcListening(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spec lab page and JSON API (HTTP/1.1) on {Url} (OpenAPI: {OpenApi})")]
    private static partial void WebListening(ILogger logger, string url, string openApi);
}

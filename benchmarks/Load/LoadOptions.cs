using System.Globalization;
using System.Net;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>What kind of request the load generator sends.</summary>
public enum LoadKind { Analytic, MonteCarlo }

/// <summary>
/// Settings of <c>load</c>: <c>[--address URL | --start-server] [--clients 16] [--seconds 60] [--warmup 2]
/// [--kind analytic|mc] [--paths 100000] [--channels 1] [--server-logs] [--auth none|api-key | --api-key KEY] [--json FILE]</c>.
/// Traffic goes only to loopback.
/// </summary>
public sealed record LoadOptions
{
    public Uri? Address { get; init; }
    public bool StartServer { get; init; }
    public int Clients { get; init; } = 16;
    public double Seconds { get; init; } = 60;
    /// <summary>Seconds of traffic before measuring (JIT, connection set-up); not counted in the figures.</summary>
    public double WarmupSeconds { get; init; } = 2;
    public LoadKind Kind { get; init; } = LoadKind.Analytic;
    public long Paths { get; init; } = 100_000;
    /// <summary>HTTP/2 connections shared by the clients (round robin); 1 = all calls multiplexed on one connection.</summary>
    public int Channels { get; init; } = 1;
    /// <summary>Keep the started server's per-call Information logs (off by default: console logging would be what is measured).</summary>
    public bool ServerLogs { get; init; }
    public string? JsonPath { get; init; }
    /// <summary>
    /// The API key every call sends (x-api-key). With <c>--start-server --auth api-key</c> a random key is made and
    /// the started server accepts only it (no anonymous access); with <c>--address</c>, <c>--api-key KEY</c>.
    /// </summary>
    public string? ApiKey { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name}: needs a value");
            options = name switch
            {
                "--address" => options with { Address = LoopbackUri(Value()) },
                "--start-server" => options with { StartServer = true },
                "--clients" => options with { Clients = Positive(name, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--seconds" => options with { Seconds = Positive(name, double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--warmup" => options with { WarmupSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--kind" => options with { Kind = Value() switch
                {
                    "analytic" => LoadKind.Analytic,
                    "mc" => LoadKind.MonteCarlo,
                    var other => throw new ArgumentException($"--kind: 'analytic' or 'mc', not '{other}'"),
                } },
                "--paths" => options with { Paths = Positive(name, long.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--channels" => options with { Channels = Positive(name, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--server-logs" => options with { ServerLogs = true },
                "--json" => options with { JsonPath = Value() },
                "--auth" => Value() switch
                {
                    "none" => options with { ApiKey = null },
                    "api-key" => options with { ApiKey = "load-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)) },
                    var other => throw new ArgumentException($"--auth: 'none' or 'api-key', not '{other}'"),
                },
                "--api-key" => options with { ApiKey = Value() },
                _ => throw new ArgumentException($"unknown option '{name}'"),
            };
        }
        if (options.StartServer == (options.Address is not null)) throw new ArgumentException("give one of --address URL or --start-server");
        return options;
    }

    private static T Positive<T>(string name, T value) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{name}: must be positive");

    /// <summary>The load generator only ever talks to this machine.</summary>
    private static Uri LoopbackUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"--address: '{text}' is not an http:// URL");
        bool loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return loopback ? uri : throw new ArgumentException($"--address: only loopback addresses (localhost, 127.0.0.1, ::1), not '{uri.Host}'");
    }
}

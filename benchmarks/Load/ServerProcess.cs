using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CarbonDerivatives.Benchmarks.Load;

/// <summary>
/// The api server started as a child process (<c>dotnet exec CarbonDerivatives.Api.dll --urls http://127.0.0.1:PORT</c>, no web listener)
/// on a free loopback port; killed when disposed. Its output is drained (the last lines are kept for errors).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const string DllFromRepoRoot = "api/bin/Release/net10.0/CarbonDerivatives.Api.dll";
    private const int KeptLines = 20;

    private readonly ConcurrentQueue<string> _lastLines = new();

    public Process Process { get; }
    public Uri Address { get; }

    private ServerProcess(Process process, Uri address)
    {
        Process = process;
        Address = address;
    }

    /// <summary>The built api dll, or null with the reason when it is not there.</summary>
    public static string? FindDll(out string reason)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "CarbonDerivatives.sln"))) continue;
            string dll = Path.Combine(dir.FullName, DllFromRepoRoot);
            reason = $"{dll} is missing: build the server first with `dotnet build -c Release api`";
            return File.Exists(dll) ? dll : null;
        }
        reason = $"no CarbonDerivatives.sln above {AppContext.BaseDirectory}: run from the repository's build output";
        return null;
    }

    /// <param name="quiet">Raise the server's log level to Warning (no per-call log lines).</param>
    /// <param name="apiKey">When set, the server accepts only this key, as a reader (its SHA-256 configured as an operator would).</param>
    /// <param name="extraArguments">More server arguments (configuration keys).</param>
    /// <param name="pinnedCore">When set, the server runs on that core only (<c>taskset</c>): .NET then sees one processor.</param>
    public static ServerProcess Start(string dll, bool quiet, string? apiKey = null, string[]? extraArguments = null, int? pinnedCore = null)
    {
        int port = FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(pinnedCore is null ? "dotnet" : "taskset")
        {
            // The working directory is the dll's, so the server finds its appsettings.json.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (pinnedCore is int core)
            foreach (string arg in new[] { "-c", core.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet" }) start.ArgumentList.Add(arg);
        foreach (string arg in new[] { "exec", dll, "--urls", address.ToString().TrimEnd('/'), "--Carbon:WebUrls=" }) start.ArgumentList.Add(arg);
        if (quiet) start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        if (apiKey is not null)
        {
            string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)));
            foreach (string arg in new[] { "--Carbon:Security:ApiKeys:0:Name=load", "--Carbon:Security:ApiKeys:0:Role=reader",
                         $"--Carbon:Security:ApiKeys:0:Sha256={hash}", "--Carbon:Security:AnonymousRole=none" })
                start.ArgumentList.Add(arg);
        }
        foreach (string arg in extraArguments ?? []) start.ArgumentList.Add(arg);
        if (pinnedCore is not null) start.Environment["DOTNET_TieredCompilation"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The server's last output lines, for a message when it fails to start.</summary>
    public string LastLines => string.Join(Environment.NewLine, _lastLines);

    private void Keep(string? line)
    {
        if (line is null) return;
        _lastLines.Enqueue(line);
        while (_lastLines.Count > KeptLines) _lastLines.TryDequeue(out _);
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.WaitForExit(5_000);
        Process.Dispose();
    }
}

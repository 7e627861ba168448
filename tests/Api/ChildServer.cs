using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// The API as its own process (<c>dotnet exec CarbonDerivatives.Api.dll</c>) on a free loopback port with the
/// <see cref="TestCredentials"/> keys; the address is read from its "Now listening on" log line, and its output
/// is kept. Killed when disposed if still running.
/// </summary>
internal sealed partial class ChildServer : IDisposable
{
    private readonly ConcurrentQueue<string> _output;

    public Process Process { get; }
    public string Address { get; }

    /// <summary>Every line the server printed so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    private ChildServer(Process process, string address, ConcurrentQueue<string> output)
    {
        Process = process;
        Address = address;
        _output = output;
    }

    public static ChildServer Start(string databasePath, params string[] extraArguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "CarbonDerivatives.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string arg in (string[])["exec", dll, "--urls", "http://127.0.0.1:0", "--Carbon:WebUrls=", $"--Carbon:DatabasePath={databasePath}",
                     .. TestCredentials.ServerArguments(), .. extraArguments])
            start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        var output = new ConcurrentQueue<string>();
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Keep(string? line)
        {
            if (line is null) return;
            output.Enqueue(line);
            if (ListeningOn().Match(line) is { Success: true } match) address.TrySetResult(match.Groups[1].Value);
        }
        // Both pipes are drained all along, so the child never blocks on a full one.
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!address.Task.Wait(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the child server did not report its address:\n" + string.Join("\n", output));
        }
        return new ChildServer(process, address.Task.Result, output);
    }

    [GeneratedRegex(@"Now listening on: (http://[0-9.:]+)")]
    private static partial Regex ListeningOn();

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.WaitForExit(10_000);
        Process.Dispose();
    }
}

using System.Diagnostics;
using Npgsql;

namespace CarbonDerivatives.Tests.Support;

/// <summary>
/// A PostgreSQL server of this test run from Debian's binaries (/usr/lib/postgresql/N/bin, the `postgresql` package that
/// scripts/test.sh installs): initdb in a fresh temporary folder (/tmp/carbon-pg-*), a free loopback port, pg_ctl start;
/// stopped and deleted by a watchdog once the test process has gone, however it ends. Run as the `postgres` user when the tests run as root (PostgreSQL refuses root).
/// Each test takes a database of its own (<see cref="NewDatabase"/>).
/// </summary>
internal sealed class ThrowawayPostgres
{
    private static readonly Lazy<ThrowawayPostgres> Shared = new(() => new ThrowawayPostgres(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin, _data;
    private readonly int _port;

    /// <summary>The server of this test run, started on first use.</summary>
    public static ThrowawayPostgres Instance => Shared.Value;

    private ThrowawayPostgres()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                   .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
               ?? throw new InvalidOperationException("no PostgreSQL under /usr/lib/postgresql: scripts/test.sh installs Debian's postgresql package");
        _data = Path.Combine(Path.GetTempPath(), $"carbon-pg-{Guid.NewGuid():N}");
        _port = FreePorts.Next();
        Run("initdb", "-D", _data, "-U", "carbon", "--auth=trust", "-E", "UTF8", "--no-sync");
        Run("pg_ctl", "-D", _data, "-l", Path.Combine(_data, "server.log"), "-w", "-o",
            $"-p {_port} -k {_data} -c listen_addresses=127.0.0.1 -c max_connections=300", "start");
        StopWhenThisProcessEnds();
    }

    /// <summary>The connection string of a new empty database.</summary>
    public string NewDatabase()
    {
        string name = $"carbon_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            command.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "carbon", Database = database }.ToString();

    /// <summary>
    /// Starts a shell that outlives this process and, once it has gone, stops the server and deletes its folder. A handler
    /// on process exit is not enough: the test platform kills its test host moments after the run, before such handlers end.
    /// The shell forks once more and its parent exits, so it is nobody's child and a kill of this process tree spares it.
    /// </summary>
    private void StopWhenThisProcessEnds()
    {
        string pgCtl = Path.Combine(_bin, "pg_ctl");
        string stop = Environment.UserName == "root" ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        string watch = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done; " +
                       $"{stop} -D '{_data}' -m immediate -w stop; rm -rf '{_data}'";
        using var shell = Process.Start("setsid", ["sh", "-c", $"( {watch} ) </dev/null >/dev/null 2>&1 &"]);
        shell.WaitForExit();
    }

    /// <summary>Runs a PostgreSQL program (as `postgres` when this process is root) and waits for it.</summary>
    private void Run(string program, params string[] arguments)
    {
        bool root = Environment.UserName == "root";
        // pg_ctl's server keeps inherited pipes open: only initdb's output is read back.
        bool read = program != "pg_ctl";
        var start = new ProcessStartInfo(root ? "runuser" : Path.Combine(_bin, program)) { RedirectStandardOutput = read, RedirectStandardError = read };
        if (root) foreach (string a in (string[])["-u", "postgres", "--", Path.Combine(_bin, program)]) start.ArgumentList.Add(a);
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = read ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
        string errors = read ? process.StandardError.ReadToEnd() : "";
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors}\n{output.Result}");
    }
}

using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// The real server (Kestrel, HTTP/2) on a free loopback port, started once per test class, with a
/// gRPC channel to it that sends the admin key. Extra configuration arguments set limits for saturation tests.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    protected virtual string[] ExtraArguments => [];

    /// <summary>The server's own SQLite file, deleted afterwards.</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"carbon-test-{Guid.NewGuid():N}.db");

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The server's gRPC (h2c) address, e.g. http://127.0.0.1:41234.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The server's HTTP/1.1 address of the page and JSON routes.</summary>
    public string WebAddress { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        (_app, Address) = await InProcessServer.StartAsync(DatabasePath, ExtraArguments);
        WebAddress = InProcessServer.WebAddress(_app);
        Channel = TestCredentials.Channel(Address);
    }

    public virtual async Task DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
    }
}

/// <summary>A server allowing one simulation at a time with a 50 ms queue: saturates on purpose.</summary>
public sealed class SaturatedServerFixture : ServerFixture
{
    protected override string[] ExtraArguments => ["--Carbon:MaxConcurrentSimulations=1", "--Carbon:SimulationQueueTimeoutMs=50"];
}

/// <summary>A server holding at most 3 snapshots (the embedded default counts as one).</summary>
public sealed class SmallSnapshotStoreFixture : ServerFixture
{
    public const int MaxSnapshots = 3;

    protected override string[] ExtraArguments => [$"--Carbon:MaxSnapshots={MaxSnapshots}"];
}

/// <summary>Server tests run alone: they time deadlines and saturate the cores on purpose.</summary>
[CollectionDefinition("server", DisableParallelization = true)]
public sealed class ServerCollection;

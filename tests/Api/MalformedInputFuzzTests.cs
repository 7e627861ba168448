using System.Collections.Concurrent;
using System.Diagnostics;
using CarbonDerivatives.Api.Wire;
using CarbonDerivatives.Tests.Api.Wire;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// Fuzzing every RPC over raw HTTP/2 with a fixed seed: 10,000 random, mutated and badly framed request bodies and
/// 10,000 well-formed requests with hostile field values. Nothing may come back UNKNOWN or INTERNAL (or without a
/// status), an OK reply may hold no NaN or infinity, the malformed ones log at most one line a second without a
/// stack trace, and the server answers normally afterwards. The counts are printed (see the test output). The
/// server runs with small simulation limits so that the requests that do parse stay cheap.
/// </summary>
[Collection("server")]
public sealed class MalformedInputFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20_261_202;
    private const int Cases = 10_000;
    private const int Concurrency = 4;

    private readonly LogCapture _logs = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"carbon-fuzz-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private string _address = "";

    public async Task InitializeAsync()
    {
        (_app, _address) = await InProcessServer.StartAsync(_database, "--Carbon:Store=memory", "--Carbon:MaxPathSteps=200000",
            "--Carbon:MaxPaths=20000", "--Carbon:DefaultPaths=2000", "--Carbon:MaxSteps=200");
        _app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task EveryRpc_RandomMutatedAndBadlyFramedBodies_NeverUnknownOrInternal()
    {
        var random = new Random(Seed);
        var seeds = CarbonRpcs.All.ToDictionary(r => r, r => r.Seed().ToByteArray());
        var cases = Enumerable.Range(0, Cases).Select(i => CarbonRpcs.All[i % CarbonRpcs.All.Count])
            .Select(rpc => (Rpc: rpc, Case: WireMutations.Next(random, seeds[rpc]))).ToArray();
        var clock = Stopwatch.StartNew();
        var replies = await SendAll(cases.Select(c => (c.Rpc, c.Case.Kind, c.Case.Body, c.Case.Encoding)).ToArray());
        Print("random, mutated and badly framed bodies", replies, clock.Elapsed);

        AssertNoUnknownOrInternal(replies);
        foreach (var (rpc, kind, reply) in replies.Where(r => !r.Rpc.ClientStreaming && r.Kind is not ("random payload" or "mutated message" or "gzip bomb"
                     or "huge length prefix")))
        {
            // Garbage may happen to decompress into a message that parses: then the request itself is refused.
            bool malformed = reply.Message.StartsWith(MalformedRequest.Message, StringComparison.Ordinal) || kind == "compressed garbage";
            Assert.True(reply.Status == StatusCode.InvalidArgument && malformed, $"{rpc} {kind}: {reply.Status} {reply.Message}");
        }
        foreach (var (rpc, kind, reply) in replies.Where(r => r.Kind is "gzip bomb" or "huge length prefix"))
            Assert.True(reply.Status == StatusCode.ResourceExhausted, $"{rpc} {kind}: {reply.Status} {reply.Message}");
        AssertQuietLogs(clock.Elapsed, atLeast: 1);
        await AssertHealthy();
    }

    [Fact]
    public async Task EveryRpc_WellFormedRequestsWithHostileValues_NeverUnknownOrInternalAndOkRepliesFinite()
    {
        var random = new Random(Seed + 1);
        var cases = Enumerable.Range(0, Cases).Select(i => CarbonRpcs.All[i % CarbonRpcs.All.Count])
            .Select(rpc => (rpc, "hostile values", GrpcWire.Frame(HostileValues.Mutate(rpc.Seed(), random).ToByteArray()), (string?)null)).ToArray();
        var requests = cases.Select(c => c.Item3).ToArray();
        var clock = Stopwatch.StartNew();
        var replies = await SendAll(cases);
        Print("well-formed requests with hostile values", replies, clock.Elapsed);

        AssertNoUnknownOrInternal(replies);
        var nonFinite = replies.Select((r, i) => (r, i)).Where(x => x.r.Reply.Status == StatusCode.OK)
            .SelectMany(x => x.r.Reply.Messages.SelectMany(m => Finite.Violations(x.r.Rpc.Method.OutputType.Parser.ParseFrom(m))
                .Select(v => $"{x.r.Rpc}: {v} for {Json(x.r.Rpc, requests[x.i])}").Take(1)))
            .ToList();
        output.WriteLine($"non-finite numbers in OK replies: {nonFinite.Count}");
        Assert.True(nonFinite.Count == 0, string.Join("\n", nonFinite.Take(20)));
        Assert.True(replies.Count(r => r.Reply.Status == StatusCode.OK) > Cases / 10, "most hostile requests are refused, but some must get through");
        AssertQuietLogs(clock.Elapsed, atLeast: 0);
        await AssertHealthy();
    }

    private static string Json(CarbonRpc rpc, byte[] frame)
    {
        string json = JsonFormatter.Default.Format(rpc.Method.InputType.Parser.ParseFrom(frame.AsSpan(5).ToArray()));
        return json.Length > 1500 ? json[..1500] : json;
    }

    private async Task<List<(CarbonRpc Rpc, string Kind, WireReply Reply)>> SendAll((CarbonRpc Rpc, string Kind, byte[] Body, string? Encoding)[] cases)
    {
        using var http = GrpcWire.Client();
        var replies = new ConcurrentBag<(int, CarbonRpc, string, WireReply)>();
        await Parallel.ForEachAsync(cases.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (item, cancellation) =>
        {
            var (c, i) = item;
            var reply = await GrpcWire.CallAsync(http, _address, c.Rpc, c.Body, GrpcWire.ApiKey(TestCredentials.AdminKey), c.Encoding, cancellation);
            replies.Add((i, c.Rpc, c.Kind, reply));
        });
        return replies.OrderBy(r => r.Item1).Select(r => (r.Item2, r.Item3, r.Item4)).ToList();
    }

    private void Print(string title, List<(CarbonRpc Rpc, string Kind, WireReply Reply)> replies, TimeSpan elapsed)
    {
        output.WriteLine($"{title}: {replies.Count:N0} calls over {CarbonRpcs.All.Count} RPCs in {elapsed.TotalSeconds:F1} s (seed {Seed})");
        foreach (var kind in replies.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {kind.Key,-28} {kind.Count(),6:N0}: " + string.Join(", ", kind.GroupBy(r => r.Reply.Status?.ToString() ?? "no status")
                .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}")));
        output.WriteLine("  by status: " + string.Join(", ", replies.GroupBy(r => r.Reply.Status?.ToString() ?? "no status")
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}")));
    }

    private static void AssertNoUnknownOrInternal(List<(CarbonRpc Rpc, string Kind, WireReply Reply)> replies)
    {
        var bad = replies.Where(r => r.Reply.Status is null or StatusCode.Unknown or StatusCode.Internal).ToList();
        Assert.True(bad.Count == 0, $"{bad.Count} replies UNKNOWN, INTERNAL or without status, e.g.\n"
            + string.Join("\n", bad.Take(10).Select(r => $"{r.Rpc} ({r.Kind}): {r.Reply.Status} {r.Reply.Message}")));
    }

    /// <summary>No error logged, no stack trace, and the malformed-request lines at most one a second.</summary>
    private void AssertQuietLogs(TimeSpan elapsed, int atLeast)
    {
        var loud = _logs.Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud.Take(5).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}")));
        int malformedLines = _logs.Entries.Count(e => e.Category == typeof(MalformedRequestLog).FullName);
        output.WriteLine($"malformed-request log lines: {malformedLines} in {elapsed.TotalSeconds:F1} s");
        Assert.InRange(malformedLines, atLeast, (int)Math.Ceiling(elapsed.TotalSeconds) + 1);
    }

    private async Task AssertHealthy()
    {
        using var channel = TestCredentials.Channel(_address);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        // Inline market data: the fuzz may have replaced the default snapshot (a PutSnapshot with id "default" is a writer's right).
        var request = Requests.EuaDec26();
        request.Market = new Protos.V1.MarketSource { Inline = Requests.InlineMarket() };
        var price = await new Protos.V1.PricingService.PricingServiceClient(channel).PriceAsync(request);
        Assert.True(price.Value > 0);
    }
}

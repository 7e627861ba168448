using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Http;

/// <summary>
/// The JSON routes transcoded from the protos, over the server's HTTP/1.1 listener: each reply equals the gRPC
/// reply to the same request (h2c listener), and each error is the same google.rpc.Status with the same details.
/// </summary>
[Collection("server")]
public sealed class JsonTranscodingTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor)));

    private readonly HttpClient _http = new() { BaseAddress = new Uri(server.WebAddress), DefaultRequestVersion = HttpVersion.Version11 };

    private PricingService.PricingServiceClient Pricing => new(server.Channel);
    private SpecService.SpecServiceClient Specs => new(server.Channel);

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, IMessage? body = null, string? rawJson = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", TestCredentials.AdminKey); // the same caller as the gRPC channel: saving specs needs admin
        if (body is not null || rawJson is not null)
            request.Content = new StringContent(rawJson ?? Formatter.Format(body), Encoding.UTF8, "application/json");
        return await _http.SendAsync(request);
    }

    private static async Task<T> Read<T>(HttpResponseMessage response) where T : IMessage, new()
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Parser.Parse<T>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The error of a JSON call: HTTP status and the google.rpc.Status of its body.</summary>
    private static async Task<(HttpStatusCode Http, Google.Rpc.Status Status)> ReadError(HttpResponseMessage response) =>
        (response.StatusCode, await Read<Google.Rpc.Status>(response));

    [Fact]
    public async Task Price_JsonInJsonOut_SameValueAndGreeksAsGrpc()
    {
        var request = Requests.EuaDec26(strike: 72).MonteCarlo(100_000, steps: 4, seed: 11);
        request.Greeks = true;
        var overGrpc = await Pricing.PriceAsync(request);

        using var response = await Send(HttpMethod.Post, "/v1/price", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        var overHttp = await Read<PriceResponse>(response);

        overGrpc.Timing = overHttp.Timing = null;
        Assert.Equal(overGrpc, overHttp); // same seed: the same bits, whichever protocol carried the request
        Assert.True(overHttp.Value > 0 && overHttp.StandardError > 0);
    }

    [Fact]
    public async Task Price_InvalidStrike_400WithTheSameFieldViolationAsGrpc()
    {
        var request = Requests.EuaDec26(strike: -75);
        var grpc = await Assert.ThrowsAsync<RpcException>(async () => await Pricing.PriceAsync(request));

        using var response = await Send(HttpMethod.Post, "/v1/price", request);
        var (http, status) = await ReadError(response);
        Assert.Equal(HttpStatusCode.BadRequest, http);
        Assert.Equal(grpc.GetRpcStatus(), status);
        var violation = Assert.Single(status.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("instrument.futures_option.strike", violation.Field);

        // The body as a JSON client sees it: code 3 (INVALID_ARGUMENT) and the detail named by its type URL.
        using var json = JsonDocument.Parse(await (await Send(HttpMethod.Post, "/v1/price", request)).Content.ReadAsStringAsync());
        Assert.Equal(3, json.RootElement.GetProperty("code").GetInt32());
        var detail = json.RootElement.GetProperty("details")[0];
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        Assert.Equal("instrument.futures_option.strike", detail.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task SaveSpec_BrokenSpec_400WithOneViolationPerError()
    {
        var request = new SaveSpecRequest { SpecJson = SpecServiceTests.BrokenSpec };
        var grpc = await Assert.ThrowsAsync<RpcException>(async () => await Specs.SaveSpecAsync(request));

        using var response = await Send(HttpMethod.Post, "/v1/specs", request);
        var (http, status) = await ReadError(response);
        Assert.Equal(HttpStatusCode.BadRequest, http);
        Assert.Equal(grpc.GetRpcStatus(), status);
        Assert.Contains(status.GetDetail<BadRequest>().FieldViolations, v => v.Field == "spec_json.lotSize");
        Assert.True(status.GetDetail<BadRequest>().FieldViolations.Count >= 5);
    }

    [Fact]
    public async Task Price_OverPathBudget_429WithQuotaFailure()
    {
        using var response = await Send(HttpMethod.Post, "/v1/price", Requests.EuaDec26().MonteCarlo(1_000_000_000));
        var (http, status) = await ReadError(response);
        Assert.Equal(HttpStatusCode.TooManyRequests, http);
        Assert.Equal((int)Code.ResourceExhausted, status.Code);
        Assert.Equal("monte_carlo.paths", status.GetDetail<QuotaFailure>().Violations.Single().Subject);
    }

    [Fact]
    public async Task GetSnapshot_Unknown_404NotFound()
    {
        using var response = await Send(HttpMethod.Get, "/v1/snapshots/no-such-snapshot");
        var (http, status) = await ReadError(response);
        Assert.Equal(HttpStatusCode.NotFound, http);
        Assert.Equal((int)Code.NotFound, status.Code);
    }

    [Fact]
    public async Task MalformedJson_400InvalidArgument()
    {
        using var response = await Send(HttpMethod.Post, "/v1/price", rawJson: """{ "instrument": { "futuresOption": { "strike": "seventy" } } }""");
        var (http, status) = await ReadError(response);
        Assert.Equal(HttpStatusCode.BadRequest, http);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
    }

    [Fact]
    public async Task SpecRoutes_ListGetCalendarAndTest_EqualTheGrpcReplies()
    {
        using (var list = await Send(HttpMethod.Get, "/v1/specs"))
            Assert.Equal(await Specs.ListSpecsAsync(new ListSpecsRequest()), await Read<ListSpecsResponse>(list));
        using (var get = await Send(HttpMethod.Get, "/v1/specs/ICE-EUA-OPT"))
            Assert.Equal(await Specs.GetSpecAsync(new GetSpecRequest { Code = "ICE-EUA-OPT" }), await Read<SpecDocument>(get));

        // The calendar by route and query string (GET) and by body (POST) are the same call.
        var calendar = new ListingCalendarRequest
        {
            Spec = new SpecReference { Code = "ICE-EUA-FUT" }, Count = 5, FromDate = "2026-03-02",
        };
        var expected = await Specs.ListingCalendarAsync(calendar);
        using (var byQuery = await Send(HttpMethod.Get, "/v1/specs/ICE-EUA-FUT/calendar?count=5&fromDate=2026-03-02"))
            Assert.Equal(expected, await Read<ListingCalendarResponse>(byQuery));
        using (var byBody = await Send(HttpMethod.Post, "/v1/specs:calendar", calendar))
            Assert.Equal(expected, await Read<ListingCalendarResponse>(byBody));

        var test = new TestSpecRequest
        {
            Spec = new SpecReference { Code = "ICE-EUA-FUT" }, Market = new MarketSource { SnapshotId = "default" },
            Settings = new SpecLabSettings { Paths = 50_000, Seed = 5 },
        };
        var report = await Specs.TestSpecAsync(test);
        using var byHttp = await Send(HttpMethod.Post, "/v1/specs:test", test);
        var httpReport = await Read<SpecLabReport>(byHttp);
        report.Timing = httpReport.Timing = null;
        Assert.Equal(report, httpReport);
        Assert.NotEmpty(httpReport.Margin.Histogram.Counts);
    }

    [Fact]
    public async Task ScenarioLadder_ServerStreaming_NewlineDelimitedJsonEndsWithTheGrpcResult()
    {
        string sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "risk-ladder.json"));
        var request = JsonParser.Default.Parse<ScenarioLadderRequest>(sample);
        var risk = new RiskService.RiskServiceClient(server.Channel);
        ScenarioLadderResult? expected = null;
        using (var call = risk.ScenarioLadder(request))
            await foreach (var update in call.ResponseStream.ReadAllAsync())
                if (update.Result is not null) expected = update.Result;

        using var response = await Send(HttpMethod.Post, "/v1/risk/ladder", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updates = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Parser.Parse<ScenarioLadderUpdate>(line)).ToList();
        Assert.NotNull(expected);
        expected.Timing = null;
        var result = updates.Last().Result;
        result.Timing = null;
        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheRoutesWithTheProtoComments()
    {
        using var response = await _http.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        foreach (string path in new[] { "/v1/price", "/v1/specs", "/v1/specs:test", "/v1/specs:validate", "/v1/snapshots/{snapshotId}", "/v1/portfolios/{portfolioId}" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        Assert.StartsWith("Prices one instrument.", paths.GetProperty("/v1/price").GetProperty("post").GetProperty("summary").GetString());
        Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("PriceRequest", out _));
    }

    [Fact]
    public async Task Page_ServedAtRootOverHttp11()
    {
        using var response = await _http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(new MediaTypeHeaderValue("text/html"), new MediaTypeHeaderValue(response.Content.Headers.ContentType!.MediaType!));
        Assert.Contains("<script type=\"module\" src=\"js/main.js\"></script>", await response.Content.ReadAsStringAsync());
        using var script = await _http.GetAsync("/js/main.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }
}

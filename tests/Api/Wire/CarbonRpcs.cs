using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Protos.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CarbonDerivatives.Tests.Api.Wire;

/// <summary>One RPC of the public contract and a valid request for it.</summary>
internal sealed record CarbonRpc(MethodDescriptor Method, Func<IMessage> Seed)
{
    /// <summary>The HTTP/2 path, e.g. "/carbon.v1.PricingService/Price".</summary>
    public string Path => $"/{Method.Service.FullName}/{Method.Name}";

    public string Name => $"{Method.Service.Name}/{Method.Name}";

    /// <summary>True when the request is a stream (one message each way for these tests).</summary>
    public bool ClientStreaming => Method.IsClientStreaming;

    public override string ToString() => Name;
}

/// <summary>
/// Every RPC of every service in protos/carbon/v1, found from the generated descriptors (so a new RPC cannot be
/// missed), each with a cheap valid request: the starting point of the fuzz and role-matrix tests.
/// </summary>
internal static class CarbonRpcs
{
    private static readonly string Samples = System.IO.Path.Combine(AppContext.BaseDirectory, "samples");

    // Before Services and All: static fields initialise in order.
    private static readonly Dictionary<string, Func<IMessage>> Seeds = new(StringComparer.Ordinal)
    {
        ["Price"] = () => Requests.EuaDec26(),
        ["PriceStream"] = () => Requests.EuaDec26(),
        ["ImpliedVolatility"] = () => new ImpliedVolatilityRequest
        {
            Option = Requests.EuaDec26().Instrument.FuturesOption, Market = new MarketSource { SnapshotId = "default" }, PremiumPerUnit = 8,
        },
        ["PutSnapshot"] = () => new PutSnapshotRequest { SnapshotId = "wire-snap", Market = Requests.InlineMarket() },
        ["GetSnapshot"] = () => new GetSnapshotRequest { SnapshotId = DefaultMarket.Id },
        ["ListSnapshots"] = () => new ListSnapshotsRequest(),
        ["DeleteSnapshot"] = () => new DeleteSnapshotRequest { SnapshotId = "wire-snap" },
        ["CalibrateMerton"] = () => new CalibrateMertonRequest { Prices = { Enumerable.Range(0, 60).Select(i => 70 + 3 * Math.Sin(i * 0.7) + (i % 7 == 0 ? 4 : 0)) } },
        ["CalibrateVolSurface"] = () => CalibrateVolSurfaceTests.EuaRequest(),
        ["Sensitivities"] = () => Sample<SensitivitiesRequest>("risk-sensitivities.json"),
        ["ScenarioLadder"] = () => Sample<ScenarioLadderRequest>("risk-ladder.json"),
        ["StressTest"] = () => Sample<StressTestRequest>("risk-stress.json"),
        ["ListStressScenarios"] = () => new ListStressScenariosRequest(),
        ["ValueAtRisk"] = () =>
        {
            var request = Sample<ValueAtRiskRequest>("risk-var.json");
            request.Scenarios = 2_000;
            return request;
        },
        ["Margin"] = () => Sample<MarginRequest>("risk-margin.json"),
        ["VegaBuckets"] = () => new VegaBucketsRequest
        {
            Inputs = Sample<StressTestRequest>("risk-stress.json").Inputs, Underlying = "EUA", Expiries = { 0.5, 1 }, Strikes = { 60, 80 },
        },
        ["SavePortfolio"] = () => new SavePortfolioRequest { PortfolioId = "wire-book", Portfolio = Sample<Portfolio>("portfolio-book.json") },
        ["GetPortfolio"] = () => new GetPortfolioRequest { PortfolioId = "wire-book" },
        ["ListPortfolios"] = () => new ListPortfoliosRequest(),
        ["DeletePortfolio"] = () => new DeletePortfolioRequest { PortfolioId = "wire-book" },
        ["ValidateSpec"] = () => new ValidateSpecRequest { SpecJson = SpecSample() },
        ["SaveSpec"] = () => new SaveSpecRequest { SpecJson = SpecSample() },
        ["GetSpec"] = () => new GetSpecRequest { Code = LibrarySpecCode },
        ["ListSpecs"] = () => new ListSpecsRequest(),
        ["DeleteSpec"] = () => new DeleteSpecRequest { Code = SavedSpecCode },
        ["ListingCalendar"] = () => new ListingCalendarRequest { Spec = new SpecReference { Code = LibrarySpecCode }, FromDate = "2026-03-02", Count = 3 },
        ["CalibrateRegimeSwitching"] = () => new CalibrateRegimeSwitchingRequest { Prices = { WavyPrices(260) }, Regimes = 1 },
        ["CalibrateSchwartz"] = () => new CalibrateSchwartzRequest { Prices = { WavyPrices(120) } },
        ["CalibrateToOptionQuotes"] = () => new CalibrateToOptionQuotesRequest { Model = QuoteModel.Black76, Quotes = { SkewQuotes() } },
        ["CompareModels"] = () => new CompareModelsRequest { Prices = { WavyPrices(260) }, Regimes = 1 },
        ["TestSpec"] = () => new TestSpecRequest
        {
            Spec = new SpecReference { SpecJson = SpecSample() }, Market = new MarketSource { SnapshotId = DefaultMarket.Id },
            Settings = new SpecLabSettings { Paths = 4_096, Seed = 3 },
        },
    };

    public static IReadOnlyList<ServiceDescriptor> Services { get; } = typeof(PriceRequest).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(PriceRequest).Namespace && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
        .SelectMany(f => f.Services).OrderBy(s => s.FullName, StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<CarbonRpc> All { get; } = Services.SelectMany(s => s.Methods)
        .Select(m => new CarbonRpc(m, Seeds.TryGetValue(m.Name, out var seed) ? seed
            : throw new InvalidOperationException($"no seed request for {m.FullName}: add one to CarbonRpcs.Seeds")))
        .ToArray();

    public static CarbonRpc Get(string name) => All.Single(r => r.Method.Name == name);

    /// <summary>A spec saved by the seeds (the spec-lab sample); a library code for reads.</summary>
    public const string SavedSpecCode = "LAB-EUA-FUT";
    public const string LibrarySpecCode = "ICE-EUA-FUT";

    private static T Sample<T>(string file) where T : IMessage<T>, new() =>
        JsonParser.Default.Parse<T>(File.ReadAllText(System.IO.Path.Combine(Samples, file)));

    /// <summary>A mean-reverting wave with jumps: enough for the history fits, cheap to fit.</summary>
    private static IEnumerable<double> WavyPrices(int count) => Enumerable.Range(0, count).Select(i => 70 + 3 * Math.Sin(i * 0.7) + (i % 7 == 0 ? 4 : 0));

    /// <summary>Five quotes of one expiry with a put skew.</summary>
    private static IEnumerable<OptionQuote> SkewQuotes() => new[] { (55.0, 0.50), (62, 0.47), (70, 0.45), (78, 0.44), (90, 0.445) }
        .Select(q => new OptionQuote { ExpiryYears = 0.5, Strike = q.Item1, Forward = 70, Volatility = q.Item2 });

    private static string SpecSample() => File.ReadAllText(System.IO.Path.Combine(Samples, "spec-eua-futures-margin.json"));
}

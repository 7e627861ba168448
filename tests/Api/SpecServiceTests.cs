using CarbonDerivatives.Engine.Analytics;
using CarbonDerivatives.Engine.Products;
using CarbonDerivatives.Engine.Market;
using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>SpecService over the real server: validation with paths, the read-only library, calendars and the lab.</summary>
[Collection("server")]
public sealed class SpecServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>Wrong in five places at once.</summary>
    internal const string BrokenSpec = """
        { "schemaVersion": "carbon-spec/1", "code": "BROKEN-FUT", "name": "broken", "exchange": "x", "kind": "future",
          "currency": "eur", "lotSize": -1, "tick": { "size": 0, "value": 10 } }
        """;

    private SpecService.SpecServiceClient Client => new(server.Channel);

    private static string SampleSpec(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", name));

    private static string ShippedSpec(string file) => File.ReadAllText(Path.Combine(Specs.ShippedSpecs.Directory, file));

    [Fact]
    public async Task ValidateSpec_BrokenSpec_ReportsEveryErrorWithItsPath()
    {
        var reply = await Client.ValidateSpecAsync(new ValidateSpecRequest { SpecJson = BrokenSpec });
        Assert.False(reply.Valid);
        Assert.Equal("BROKEN-FUT", reply.Code);
        var paths = reply.Errors.Select(e => e.Path).ToHashSet();
        foreach (string path in new[] { "currency", "lotSize", "tick.size", "underlying", "listing", "expiryRule" }) Assert.Contains(path, paths);
        Assert.All(reply.Errors, e => Assert.Equal(0, e.Line));
    }

    [Fact]
    public async Task ValidateSpec_MalformedJson_GivesLineAndColumnOfTheFault()
    {
        // Line 3 holds the bare word where a value belongs: columns 11-16 of `  "kind": future`.
        var reply = await Client.ValidateSpecAsync(new ValidateSpecRequest { SpecJson = "{\n  \"code\": \"X\",\n  \"kind\": future\n}" });
        var error = Assert.Single(reply.Errors);
        Assert.False(reply.Valid);
        Assert.Equal(3, error.Line);
        Assert.InRange(error.Column, 11, 17);
    }

    [Fact]
    public async Task SaveSpec_BrokenSpec_OneFieldViolationPerError()
    {
        var validation = await Client.ValidateSpecAsync(new ValidateSpecRequest { SpecJson = BrokenSpec });
        var e = await Assert.ThrowsAsync<RpcException>(async () => await Client.SaveSpecAsync(new SaveSpecRequest { SpecJson = BrokenSpec }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var fields = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(validation.Errors.Select(x => "spec_json." + x.Path), fields);
    }

    [Fact]
    public async Task LibrarySpecs_AreListedAndReadOnly()
    {
        var list = await Client.ListSpecsAsync(new ListSpecsRequest());
        Assert.Empty(list.LibraryErrors);
        var futures = list.Specs.Single(s => s.Code == "ICE-EUA-FUT");
        Assert.Equal(SpecOrigin.Library, futures.Origin);
        Assert.Equal("future", futures.Kind);

        var get = await Client.GetSpecAsync(new GetSpecRequest { Code = "ICE-EUA-OPT" });
        Assert.Contains("\"underlyingFuture\": \"ICE-EUA-FUT\"", get.SpecJson);

        var delete = await Assert.ThrowsAsync<RpcException>(async () => await Client.DeleteSpecAsync(new DeleteSpecRequest { Code = "ICE-EUA-FUT" }));
        Assert.Equal(StatusCode.InvalidArgument, delete.StatusCode);
        var save = await Assert.ThrowsAsync<RpcException>(async () => await Client.SaveSpecAsync(new SaveSpecRequest { SpecJson = ShippedSpec("ice-eua-futures.json") }));
        Assert.Equal("spec_json.code", save.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetSpecAsync(new GetSpecRequest { Code = "NO-SUCH-SPEC" }));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ListingCalendar_IceEuaFutures_DecemberContractsExpireOnIcesDates()
    {
        // ICE Endex EUA futures: last Monday of the contract month (MARKETS.md): Dec-26 2026-12-21, Dec-27 2027-12-20.
        var reply = await Client.ListingCalendarAsync(new ListingCalendarRequest
        {
            Spec = new SpecReference { Code = "ICE-EUA-FUT" }, Market = new MarketSource { SnapshotId = "default" }, Count = 24,
        });
        Assert.Equal("2026-03-02", reply.FromDate);
        var december = reply.Contracts.Where(c => c.Month == 12).Take(2).Select(c => c.LastTradingDay);
        Assert.Equal(["2026-12-21", "2027-12-20"], december);
    }

    [Fact]
    public async Task TestSpec_IceEuaOptions_StrikePricesAndDeltasAreBlack76PerLot()
    {
        var report = await Client.TestSpecAsync(new TestSpecRequest
        {
            Spec = new SpecReference { Code = "ICE-EUA-OPT" }, Market = new MarketSource { SnapshotId = "default" },
        });
        Assert.Null(report.Margin);
        Assert.NotEmpty(report.Strikes);
        // Reference: Black-76 closed form with the default market's flat 2.5% rate and ACT/365 to expiry, at the
        // forward and vol the report carries, times the 1,000 t lot.
        var valuation = new DateOnly(2026, 3, 2);
        foreach (var q in report.Strikes)
        {
            double t = DayCount.YearFraction(valuation, DateOnly.Parse(q.Expiry, System.Globalization.CultureInfo.InvariantCulture));
            var type = q.Right == OptionRight.Call ? OptionType.Call : OptionType.Put;
            var reference = Black76.Greeks(type, q.Forward, q.Strike, t, q.Volatility, 0.025);
            Assert.Equal(1000 * reference.Price, q.Price, 1e-6);
            Assert.Equal(1000 * reference.Delta, q.Greeks.Delta.Value, 1e-6);
            Assert.Equal(70.76, q.Forward, 1e-9); // both priced months exercise into Dec-26
        }
    }

    [Fact]
    public async Task TestSpec_EuaFuturesWithMargin_CoverageWithin4SeOfTheLognormalClosedForm()
    {
        // The ICE EUA futures terms with a 5,000 EUR initial margin and a 10% limit (cli/samples): 1-day lognormal
        // P&L per lot, 204,800 paths, seed 7. Each check fails by chance with probability about 6e-5.
        var report = await Client.TestSpecAsync(new TestSpecRequest
        {
            Spec = new SpecReference { SpecJson = SampleSpec("spec-eua-futures-margin.json") }, Market = new MarketSource { SnapshotId = "default" },
            Settings = new SpecLabSettings { Paths = 204_800, Seed = 7 },
        });
        var margin = report.Margin;
        Assert.Equal("lognormal", margin.Model);
        var c = margin.Coverage;
        Assert.Equal(5000, c.InitialMarginPerLot);
        Assert.InRange(c.LongSide.Value, c.LongSideClosedForm - 4 * c.LongSide.StandardError, c.LongSideClosedForm + 4 * c.LongSide.StandardError);
        Assert.InRange(c.ShortSide.Value, c.ShortSideClosedForm - 4 * c.ShortSide.StandardError, c.ShortSideClosedForm + 4 * c.ShortSide.StandardError);
        var hit = margin.PriceLimit.ProbabilityLimitHit;
        Assert.InRange(hit.Value, margin.PriceLimit.ProbabilityLimitHitClosedForm - 4 * hit.StandardError,
            margin.PriceLimit.ProbabilityLimitHitClosedForm + 4 * hit.StandardError);
        Assert.Equal(0.1 * margin.Price * 1000, margin.PriceLimit.MaxLossPerLot, 1e-6);
        Assert.Equal(204_800, margin.Histogram.Counts.Sum());
    }

    [Fact]
    public async Task TestSpec_MarginAlternatives_RowsBesideTheSpecsOwnAndBadOnesNamed()
    {
        TestSpecRequest Request(params MarginTerms[] alternatives) => new()
        {
            Spec = new SpecReference { SpecJson = SampleSpec("spec-eua-futures-margin.json") }, Market = new MarketSource { SnapshotId = "default" },
            Settings = new SpecLabSettings { Paths = 51_200, Seed = 7, MarginAlternatives = { alternatives } },
        };
        var report = await Client.TestSpecAsync(Request(new MarginTerms { InitialMarginPerLot = 8000, LimitFraction = 0.05 }, new MarginTerms { LimitFraction = 0.2 }));

        Assert.Equal(3, report.MarginComparison.Count);
        Assert.True(report.MarginComparison[0].FromSpec);
        Assert.Equal(report.Margin.Coverage, report.MarginComparison[0].Coverage);
        Assert.Equal(report.Margin.PriceLimit, report.MarginComparison[0].PriceLimit);
        var wider = report.MarginComparison[1];
        Assert.Equal(8000, wider.Terms.InitialMarginPerLot);
        Assert.InRange(wider.Coverage.EitherSide.Value, wider.Coverage.EitherSideClosedForm - 4 * wider.Coverage.EitherSide.StandardError,
            wider.Coverage.EitherSideClosedForm + 4 * wider.Coverage.EitherSide.StandardError);
        Assert.Equal(0.05 * report.Margin.Price * 1000, wider.PriceLimit.MaxLossPerLot, 1e-6);
        Assert.False(report.MarginComparison[2].Terms.HasInitialMarginPerLot);
        Assert.Null(report.MarginComparison[2].Coverage);

        var e = await Assert.ThrowsAsync<RpcException>(() => Client.TestSpecAsync(Request(new MarginTerms { LimitFraction = 1.2 })).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("settings.margin_alternatives[0].limit_fraction", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task TestSpec_MarginScanGiven_HedgedBooksMarginedWithItAndABadOneNamed()
    {
        // The sample futures spec (IM 5,000, a 10% limit): with a 12% scan the outright is 12% of the lot's value.
        TestSpecRequest Request(double scan) => new()
        {
            Spec = new SpecReference { SpecJson = SampleSpec("spec-eua-futures-margin.json") }, Market = new MarketSource { SnapshotId = "default" },
            Settings = new SpecLabSettings { Paths = 10_240, MarginScan = new ScanParameters { PriceScanRange = scan, CalendarSpreadChargePerTonne = 0.5 } },
        };
        var report = await Client.TestSpecAsync(Request(0.12));
        Assert.Equal("settings", report.HedgedMargins.ParameterSource);
        var outright = report.HedgedMargins.Books.Single(b => b.Book == "outright");
        Assert.Equal(0.12 * report.LotSize * report.UnderlyingPrice, outright.Margin, 1e-6);
        var spread = report.HedgedMargins.Books.Single(b => b.Book == "calendar spread");
        Assert.Equal(0.5 * report.LotSize, spread.Detail.CalendarSpreadCharge, 1e-9); // 1,000 t matched across two deliveries
        Assert.True(spread.Margin < spread.LegsAlone);

        var e = await Assert.ThrowsAsync<RpcException>(() => Client.TestSpecAsync(Request(1.5)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("settings.margin_scan.price_scan_range", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task TestSpec_HestonModel_MarginUnderHestonWithTheFellerWarning()
    {
        // Feller fails (2κθ = 0.8 < ξ² = 1.44): a warning naming the field, the lab still runs under Heston.
        var heston = new HestonModel { MeanReversion = 2, LongRunVariance = 0.2, VolOfVol = 1.2, Correlation = -0.6 };
        var report = await Client.TestSpecAsync(new TestSpecRequest
        {
            Spec = new SpecReference { SpecJson = SampleSpec("spec-eua-futures-margin.json") }, Market = new MarketSource { SnapshotId = "default" },
            Settings = new SpecLabSettings { Paths = 20_480, Seed = 7, Model = new Model { Heston = heston } },
        });
        Assert.Equal("heston", report.Margin.Model);
        Assert.Contains(report.Warnings, w => w.StartsWith("settings.model.heston: the Feller condition", StringComparison.Ordinal));
        Assert.NotEmpty(report.Stress);
    }

    [Theory]
    [InlineData("both", "settings.model")]
    [InlineData("correlation", "settings.model.heston.correlation")]
    [InlineData("transition", "settings.model.regime_switching.transition[0]")]
    public async Task TestSpec_BadModel_InvalidArgumentNamingTheField(string fault, string field)
    {
        var settings = new SpecLabSettings { Paths = 2_048 };
        switch (fault)
        {
            case "both":
                settings.Jumps = new MertonModel { JumpIntensity = 1, JumpMean = -0.05, JumpVolatility = 0.1 };
                settings.Model = new Model { Heston = new HestonModel { MeanReversion = 2, LongRunVariance = 0.2, VolOfVol = 0.5, Correlation = -0.5 } };
                break;
            case "correlation":
                settings.Model = new Model { Heston = new HestonModel { MeanReversion = 2, LongRunVariance = 0.2, VolOfVol = 0.5, Correlation = -1 } };
                break;
            default:
                settings.Model = new Model
                {
                    RegimeSwitching = new RegimeSwitchingModel
                    {
                        Volatilities = { 0.2, 0.6 },
                        Transition = { new TransitionRow { Probabilities = { 0.9, 0.2 } }, new TransitionRow { Probabilities = { 0.1, 0.9 } } },
                    },
                };
                break;
        }
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.TestSpecAsync(new TestSpecRequest
        {
            Spec = new SpecReference { SpecJson = SampleSpec("spec-eua-futures-margin.json") }, Market = new MarketSource { SnapshotId = "default" },
            Settings = settings,
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(field, e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}

extern alias cli;
using cli::CarbonDerivatives.Cli.Output;
using cli::CarbonDerivatives.Cli.Requests;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using Google.Protobuf;
using Xunit;

namespace CarbonDerivatives.Tests.Cli;

/// <summary>The `carbon` command line against the real server: prices, batches, errors and exit codes.</summary>
[Collection("server")]
public sealed class CarbonCliTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    private async Task<(int ExitCode, string Json, string Table, string Errors)> Run(params string[] args)
    {
        var (code, json, table, errors) = await CliRunner.RunAsync(server.Address, null, args);
        return (code, json, table, errors);
    }

    [Fact]
    public async Task Price_QuickFlagsJson_SameValueAsADirectCall()
    {
        var (code, json, _, _) = await Run("price", "--underlying", "EUA", "--call", "--strike", "75", "--expiry", "2026-12-16",
            "--delivery", "2026-12-21", "--greeks", "--json");
        Assert.Equal(0, code);
        var reply = JsonParser.Default.Parse<PriceResponse>(json);
        var direct = await new PricingService.PricingServiceClient(server.Channel).PriceAsync(Requests.EuaDec26());
        Assert.Equal(direct.Value, reply.Value);
        Assert.Equal("analytic", reply.Greeks.Delta.Method);
    }

    [Fact]
    public async Task Price_Table_ShowsValueCurrencyAndMethod()
    {
        var (code, _, table, _) = await Run("price", "--underlying", "EUA", "--put", "--strike", "70", "--expiry", "2026-12-16",
            "--delivery", "2026-12-21", "--mc", "--paths", "20000", "--seed", "3");
        Assert.Equal(0, code);
        Assert.Contains("EUR", table);
        Assert.Contains("monte-carlo-black76", table);
    }

    [Fact]
    public async Task Price_BatchSampleWithABadStrike_OneReplyPerRequestAndExitCodeTwo()
    {
        var (code, json, _, _) = await Run("price", Path.Combine(Samples, "batch.json"), "--json");
        var requests = JsonDocuments.Split(await File.ReadAllTextAsync(Path.Combine(Samples, "batch.json")), "batch.json").Objects;
        var replies = json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JsonParser.Default.Parse<PriceResponse>).ToArray();
        Assert.Equal(requests.Count, replies.Length);
        Assert.Contains(replies, r => r.Error is { Code: "INVALID_ARGUMENT" });
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Price_NegativeStrike_ExitCodeTwoAndTheFieldNamed()
    {
        var (code, _, _, errors) = await Run("price", "--underlying", "EUA", "--call", "--strike", "-5", "--expiry", "2026-12-16", "--delivery", "2026-12-21");
        Assert.Equal(2, code);
        Assert.Contains("instrument.futures_option.strike", errors);
    }

    [Fact]
    public async Task Market_PutListGetDelete_RoundTrip()
    {
        Assert.Equal(0, (await Run("market", "put", "cli-test", Path.Combine(Samples, "market-sample.json"))).ExitCode);
        Assert.Contains("cli-test", (await Run("market", "list", "--json")).Json);
        var (code, json, _, _) = await Run("market", "get", "cli-test");
        Assert.Equal(0, code);
        Assert.Equal(JsonParser.Default.Parse<MarketData>(await File.ReadAllTextAsync(Path.Combine(Samples, "market-sample.json"))),
            JsonParser.Default.Parse<MarketData>(json));
        Assert.Equal(0, (await Run("market", "delete", "cli-test")).ExitCode);
        Assert.NotEqual(0, (await Run("market", "get", "cli-test")).ExitCode);
    }

    [Fact]
    public void FromFlags_MonteCarloMerton_BuildsTheRequest()
    {
        var request = PriceRequestFactory.FromFlags(new QuickPriceFlags
        {
            Underlying = "EUA", Put = true, Strike = 70, Expiry = "2026-12-16", Delivery = "2026-12-21", MonteCarlo = true, Paths = 1000,
            Steps = 12, Seed = 9, Merton = "6.1,-0.029,0.083", Greeks = true,
        });
        Assert.Equal(cli::CarbonDerivatives.Protos.V1.OptionRight.Put, request.Instrument.FuturesOption.Right);
        Assert.Equal(cli::CarbonDerivatives.Protos.V1.PricingMethod.MonteCarlo, request.Method);
        Assert.Equal(1000, request.MonteCarlo.Paths);
        Assert.Equal(6.1, request.Model.Merton.JumpIntensity);
        Assert.Equal("default", request.Market.SnapshotId);
        Assert.Equal(cli::CarbonDerivatives.Protos.V1.SimulationPrecision.Unspecified, request.MonteCarlo.Precision);
    }

    [Fact]
    public void FromFlags_Single_AsksForSinglePrecisionPaths()
    {
        var request = PriceRequestFactory.FromFlags(new QuickPriceFlags
        {
            Underlying = "EUA", Call = true, Strike = 70, Expiry = "2026-12-16", Delivery = "2026-12-21", MonteCarlo = true, SinglePrecision = true,
        });
        Assert.Equal(cli::CarbonDerivatives.Protos.V1.SimulationPrecision.Single, request.MonteCarlo.Precision);
    }

    [Theory]
    [InlineData("[{\"requestId\":\"a\"},{\"requestId\":\"b\"}]", 2, true)]
    [InlineData("{\"requestId\":\"a\"}\n{\"requestId\":\"b\"}\n{\"requestId\":\"c\"}", 3, true)]
    [InlineData("{\"requestId\":\"a\"}", 1, false)]
    public void Split_ArrayNdjsonOrSingle_ObjectsAndBatchFlag(string text, int count, bool batch)
    {
        var (objects, isBatch) = JsonDocuments.Split(text, "test");
        Assert.Equal(count, objects.Count);
        Assert.Equal(batch, isBatch);
    }

    [Fact]
    public void ExitCodes_InvalidArgumentIsTwoOthersOne()
    {
        Assert.Equal(2, ExitCodes.For(Grpc.Core.StatusCode.InvalidArgument));
        Assert.Equal(1, ExitCodes.For(Grpc.Core.StatusCode.ResourceExhausted));
        Assert.Equal(0, ExitCodes.For(Grpc.Core.StatusCode.OK));
    }

    [Theory]
    [InlineData("eua-asian-monthly.json", "monte-carlo-black76")]
    [InlineData("eua-down-and-out-put.json", "analytic-bgk-shift")]
    [InlineData("eua-calendar-spread.json", "analytic-kirk")]
    [InlineData("eua-uka-spread.json", "monte-carlo-black76")]
    [InlineData("eua-american-put.json", "binomial-crr")]
    [InlineData("cea-call-price-limits.json", "monte-carlo-price-limits-black76")]
    [InlineData("zhejiang-nox-permits.json", "analytic-permit")]
    public async Task Price_ProductSamples_PriceWithTheirMethod(string sample, string method)
    {
        var (code, _, table, errors) = await Run("price", Path.Combine(Samples, sample));
        Assert.True(code == 0, errors);
        Assert.Contains(method, table);
        if (sample.Contains("spread")) Assert.Contains("cross-gamma", table);
        if (sample.Contains("limits")) Assert.Contains("value without price limits", table);
    }
}

using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>RiskService.VegaBuckets over the real server, on the default snapshot (EUA vol term structure, valued 2026-03-02).</summary>
[Collection("server")]
public sealed class VegaBucketsServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly RiskService.RiskServiceClient _client = new(server.Channel);

    private static Position Option(string id, OptionRight right, double strike, string expiry, string delivery, double lots, PositionSide side,
        string underlying = "EUA") => new()
    {
        Id = id, Lots = lots, Side = side,
        Instrument = new Instrument
        {
            FuturesOption = new FuturesOption
            {
                Underlying = underlying, Right = right, Strike = strike, Expiry = expiry, FuturesDelivery = delivery, LotSize = 1000, Currency = "EUR",
            },
        },
    };

    private static RiskInputs Book() => new()
    {
        Portfolio = new Portfolio
        {
            ReportingCurrency = "EUR",
            Positions =
            {
                Option("c75", OptionRight.Call, 75, "2026-12-16", "2026-12-21", 3, PositionSide.Long),
                Option("p60", OptionRight.Put, 60, "2027-12-15", "2027-12-20", 2, PositionSide.Short),
                Option("uka", OptionRight.Call, 45, "2026-12-16", "2026-12-21", 5, PositionSide.Long, "UKA"),
            },
        },
        Market = new MarketSource { SnapshotId = "default" },
    };

    private static VegaBucketsRequest Request() => new()
    {
        Inputs = Book(), Underlying = "EUA", Expiries = { 0.25, 0.75, 1.75 }, Strikes = { 50, 60, 70, 80, 90 },
    };

    [Fact]
    public async Task VegaBuckets_SumToTheParallelVega_WhichIsTheSensitivitiesVegaOfTheUnderlying()
    {
        var reply = await _client.VegaBucketsAsync(Request());
        Assert.Equal(3, reply.Rows.Count);
        Assert.All(reply.Rows, r => Assert.Equal(5, r.Vegas.Count));
        double sum = reply.Rows.Sum(r => r.Vegas.Sum());
        Assert.Equal(reply.ParallelVega, sum, 1e-6 * Math.Abs(reply.ParallelVega));

        // Independent path: the analytic (Black-76) vega totals of Sensitivities for EUA, the UKA option left out.
        var call = _client.Sensitivities(new SensitivitiesRequest { Inputs = Book() });
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result = update.Result ?? result;
        double eua = result!.ByUnderlying["EUA"].Measures.Vega.Value;
        Assert.Equal(eua, reply.ParallelVega, 1e-5 * Math.Abs(eua));
        // The long Dec-26 call 75 (T 0.79, between pillars 0.75 and 1.75; K between 70 and 80) has no vega in the 0.25 row.
        Assert.All(reply.Rows[0].Vegas, v => Assert.Equal(0, v, 1e-9));
        Assert.True(reply.Rows[1].Vegas[2] > 0 && reply.Rows[1].Vegas[3] > 0, "the long call's buckets");
    }

    [Theory]
    [InlineData("underlying", "")]
    [InlineData("underlying", "CCA")]
    [InlineData("expiries", "too many")]
    [InlineData("strikes[1]", "unsorted")]
    [InlineData("expiries[0]", "negative")]
    public async Task VegaBuckets_BadRequest_InvalidArgumentNamingTheField(string field, string fault)
    {
        var request = Request();
        switch (fault)
        {
            case "too many": request.Expiries.AddRange(Enumerable.Range(1, 20).Select(i => 2.0 + i)); break;
            case "unsorted": request.Strikes[1] = 40; break;
            case "negative": request.Expiries[0] = -0.25; break;
            default: request.Underlying = fault; break;
        }
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.VegaBucketsAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(field, e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
    [Fact]
    public async Task VegaBuckets_BadPositionWithAHugeId_NamesThePositionInABoundedStatus()
    {
        var request = Request();
        string id = new('x', 10_000);
        request.Inputs.Portfolio.Positions.Add(Option(id, OptionRight.Call, double.NaN, "2026-12-16", "2026-12-21", 1, PositionSide.Long));
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.VegaBucketsAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        string field = e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field;
        Assert.StartsWith("inputs.portfolio.positions[xxxx", field);
        Assert.Matches(@"\.\.\. \(10,0\d\d characters\)$", field);
        Assert.True(field.Length <= 512, $"field path of {field.Length} characters");
    }
}

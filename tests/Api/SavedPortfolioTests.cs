using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>RiskService's saved portfolios: save, list, get, use by id in a risk request, delete; bad books refused.</summary>
[Collection("server")]
public sealed class SavedPortfolioTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly RiskService.RiskServiceClient _client = new(server.Channel);

    private static Position Future(string id, double lots) => new()
    {
        Id = id, Lots = lots, Side = PositionSide.Long,
        Instrument = new Instrument { Future = new AllowanceFuture { Underlying = "EUA", Delivery = "2026-12-21", LotSize = 1000, Currency = "EUR", TradePrice = 65 } },
    };

    private static Portfolio Book(params Position[] positions) => new() { ReportingCurrency = "EUR", Positions = { positions } };

    private async Task<SensitivitiesResult> Sensitivities(RiskInputs inputs)
    {
        using var call = _client.Sensitivities(new SensitivitiesRequest { Inputs = inputs });
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
        return result!;
    }

    [Fact]
    public async Task SavedPortfolio_ByIdGivesTheSameRiskAsInline()
    {
        var book = Book(Future("a", 2), Future("b", 3));
        var saved = await _client.SavePortfolioAsync(new SavePortfolioRequest { PortfolioId = "desk-1", Portfolio = book });
        Assert.Equal(2, saved.Positions);
        Assert.Contains("desk-1", (await _client.ListPortfoliosAsync(new ListPortfoliosRequest())).PortfolioIds);
        Assert.Equal(book, await _client.GetPortfolioAsync(new GetPortfolioRequest { PortfolioId = "desk-1" }));

        var market = new MarketSource { SnapshotId = "default" };
        var byId = await Sensitivities(new RiskInputs { PortfolioId = "desk-1", Market = market });
        var inline = await Sensitivities(new RiskInputs { Portfolio = book, Market = market });
        Assert.Equal(inline.Total.Measures.Price.Value, byId.Total.Measures.Price.Value);
        Assert.Equal(5000, byId.Total.Measures.Delta.Value, 1e-9); // 5 lots x 1,000 t: a futures delta is its tonnage

        await _client.DeletePortfolioAsync(new DeletePortfolioRequest { PortfolioId = "desk-1" });
        var gone = await Assert.ThrowsAsync<RpcException>(() => _client.GetPortfolioAsync(new GetPortfolioRequest { PortfolioId = "desk-1" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task SavePortfolio_DuplicatePositionIds_InvalidArgumentNamingTheSecondAndNothingSaved()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            _client.SavePortfolioAsync(new SavePortfolioRequest { PortfolioId = "dup", Portfolio = Book(Future("x", 1), Future("x", 2)) }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("portfolio.positions[1].id", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.DoesNotContain("dup", (await _client.ListPortfoliosAsync(new ListPortfoliosRequest())).PortfolioIds);
    }

    [Fact]
    public async Task RiskInputs_BothPortfolioAndId_InvalidArgument_UnknownId_NotFound()
    {
        var market = new MarketSource { SnapshotId = "default" };
        var both = await Assert.ThrowsAsync<RpcException>(() => Sensitivities(new RiskInputs { Portfolio = Book(Future("a", 1)), PortfolioId = "x", Market = market }));
        Assert.Equal(StatusCode.InvalidArgument, both.StatusCode);
        Assert.Equal("inputs.portfolio_id", both.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Sensitivities(new RiskInputs { PortfolioId = "no-such-book", Market = market }));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }
}

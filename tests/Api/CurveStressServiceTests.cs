using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>Curve-shape stresses over the server: the hypothetical catalogue and custom slope shocks, on the default snapshot.</summary>
[Collection("server")]
public sealed class CurveStressServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly RiskService.RiskServiceClient _client = new(server.Channel);

    private static Position Future(string id, string delivery, PositionSide side) => new()
    {
        Id = id, Lots = 1, Side = side,
        Instrument = new Instrument { Future = new AllowanceFuture { Underlying = "EUA", Delivery = delivery, LotSize = 1000, Currency = "EUR" } },
    };

    private static RiskInputs CalendarSpread() => new()
    {
        Portfolio = new Portfolio
        {
            ReportingCurrency = "EUR",
            Positions = { Future("L", "2026-12-21", PositionSide.Long), Future("S", "2027-12-20", PositionSide.Short) },
        },
        Market = new MarketSource { SnapshotId = "default" },
    };

    [Fact]
    public async Task Steepening_FromTheCatalogue_LosesOnTheSpreadByEachDeliverysYears()
    {
        var catalogue = await _client.ListStressScenariosAsync(new ListStressScenariosRequest());
        var steepening = catalogue.Scenarios.Single(s => s.Name == "EUA curve steepening");
        Assert.Equal(0.05, steepening.SlopeShocks["EUA"]);
        var response = await _client.StressTestAsync(new StressTestRequest { Inputs = CalendarSpread(), CatalogueScenarios = { steepening.Name } });
        // Valued 2026-03-02: Dec-26 is 294 days away, Dec-27 658 (ACT/365).
        double expected = 1000 * (70.76 * 0.05 * 294 / 365.0 - 72.83 * 0.05 * 658 / 365.0);
        Assert.Equal(expected, response.Results.Single().Pnl, 1e-6);
    }

    [Fact]
    public async Task CustomSlopeShock_OutOfRange_InvalidArgumentNamingIt()
    {
        var custom = new StressScenario { Name = "twist", SlopeShocks = { ["EUA"] = 0.9 } };
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            _client.StressTestAsync(new StressTestRequest { Inputs = CalendarSpread(), CustomScenarios = { custom } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("custom_scenarios[0].slope_shocks[EUA]", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}

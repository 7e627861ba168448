using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>RiskService.Margin over the real server, on the default snapshot (EUA Dec-26 70.76 EUR, valued 2026-03-02).</summary>
[Collection("server")]
public sealed class MarginServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly RiskService.RiskServiceClient _client = new(server.Channel);

    private static MarginRequest TwoFutures(double scanRange = 0.15) => new()
    {
        Inputs = new RiskInputs
        {
            Portfolio = new Portfolio
            {
                ReportingCurrency = "EUR",
                Positions =
                {
                    new Position
                    {
                        Id = "f", Lots = 2, Side = PositionSide.Long,
                        Instrument = new Instrument { Future = new AllowanceFuture { Underlying = "EUA", Delivery = "2026-12-21", LotSize = 1000, Currency = "EUR" } },
                    },
                },
            },
            Market = new MarketSource { SnapshotId = "default" },
        },
        Underlyings = { ["EUA"] = new ScanParameters { PriceScanRange = scanRange, VolScanRange = 0.1 } },
    };

    private async Task<string> RefusedField(MarginRequest request)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _client.MarginAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        return e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field;
    }

    [Fact]
    public async Task Margin_TwoFutures_ScanRangeTimesLotsAndTheDrivingScenario()
    {
        var response = await _client.MarginAsync(TwoFutures());
        Assert.Equal(2 * 1000 * 0.15 * 70.76, response.Total, 1e-6);
        Assert.Equal("EUA", response.DrivingUnderlying);
        Assert.Equal(13, response.DrivingScenario.Number);
        Assert.Equal(16, response.Underlyings.Single().ScenarioLosses.Count);
    }

    [Fact]
    public async Task Margin_ExpectedShortfall_StressWindowsSetTheMargin()
    {
        // 1,000 days alternating +-1% with five -5% days (100..104) in the stress period; lookback 250: the three worst of
        // 253 windows are the stress period's -10% two-day moves.
        var request = TwoFutures();
        var dates = Enumerable.Range(0, 1000).Select(i => new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd")).ToArray();
        request.ExpectedShortfall = new ExpectedShortfallMarginSettings
        {
            LookbackDays = 250, HorizonDays = 2, Confidence = 0.99, StressFrom = dates[100], StressTo = dates[104], Dates = { dates },
            Returns = { new ReturnSeries { Underlying = "EUA", LogReturns = { Enumerable.Range(0, 1000).Select(i => i is >= 100 and <= 104 ? -0.05 : i % 2 == 0 ? 0.01 : -0.01) } } },
        };
        var es = (await _client.MarginAsync(request)).ExpectedShortfall;
        Assert.Equal(2 * 1000 * 70.76 * -double.ExpM1(-0.1), es.Margin, 1e-6);
        Assert.Equal(4, es.StressWindows);
        Assert.Equal(dates[101], es.WorstWindowEnd);
    }

    [Fact]
    public async Task Margin_BadInput_InvalidArgumentNamingTheRequestField()
    {
        Assert.Equal("underlyings[EUA].price_scan_range", await RefusedField(TwoFutures(scanRange: -0.1)));
        var unknown = TwoFutures();
        unknown.InterCommoditySpreads.Add(new InterCommoditySpread { Underlying1 = "EUA", Underlying2 = "XYZ", Tonnes1 = 1, Tonnes2 = 1, CreditRate = 0.5 });
        Assert.Equal("inter_commodity_spreads[0].underlying2", await RefusedField(unknown));
        var missing = TwoFutures();
        missing.Underlyings.Clear();
        missing.Underlyings["UKA"] = new ScanParameters { PriceScanRange = 0.2 };
        Assert.Equal("underlyings[EUA]", await RefusedField(missing));
        var shortHistory = TwoFutures();
        shortHistory.ExpectedShortfall = new ExpectedShortfallMarginSettings
        {
            LookbackDays = 500, Dates = { "2026-01-01", "2026-01-02" }, Returns = { new ReturnSeries { Underlying = "EUA", LogReturns = { 0.01, -0.01 } } },
        };
        Assert.Equal("expected_shortfall.returns[EUA]", await RefusedField(shortHistory));
    }
}

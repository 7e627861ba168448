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

    /// <summary>600 constructed daily log returns: a slow cycle of ±1.5% with a few 6% falls.</summary>
    private static double[] History() => [.. Enumerable.Range(0, 600).Select(i => i % 97 == 5 ? -0.06 : 0.015 * Math.Sin(i * 0.9))];

    [Fact]
    public async Task Margin_ScanCalibratedFromHistory_TheQuantileOfTwoDayMovesTimesTheLot()
    {
        var request = TwoFutures();
        request.Underlyings["EUA"] = new ScanParameters { CalendarSpreadChargePerTonne = 0.4 }; // the price scan comes from the history
        request.ScanCalibration = new ScanCalibration { Returns = { new ReturnSeries { Underlying = "EUA", LogReturns = { History() } } }, Quantile = 0.99 };

        var response = await _client.MarginAsync(request);

        // By hand: |e^{r_t + r_t+1} - 1| over the 599 two-day windows, the ceil(0.99 x 599) = 594th smallest.
        var r = History();
        var moves = Enumerable.Range(0, r.Length - 1).Select(t => Math.Abs(Math.Exp(r[t] + r[t + 1]) - 1)).Order().ToArray();
        double scan = moves[(int)Math.Ceiling(0.99 * moves.Length) - 1];
        var eua = response.Underlyings.Single();
        Assert.Equal(scan, eua.Parameters.PriceScanRange, 15);
        Assert.True(eua.Parameters.VolScanRange > 0, "a vol scan from the realised vols");
        Assert.Equal(0.4, eua.Parameters.CalendarSpreadChargePerTonne);
        Assert.StartsWith("scan_calibration: 99% of 2-day moves over 600 returns", eua.ParameterSource);
        Assert.Equal(2 * 1000 * scan * 70.76, response.Total, 1e-6);
        Assert.Equal("request", (await _client.MarginAsync(TwoFutures())).Underlyings.Single().ParameterSource);
    }

    [Fact]
    public async Task Margin_BadScanCalibration_InvalidArgumentNamingTheField()
    {
        MarginRequest With(Action<ScanCalibration> change, double statedScan = 0)
        {
            var request = TwoFutures(statedScan);
            if (statedScan == 0) request.Underlyings.Clear();
            request.ScanCalibration = new ScanCalibration { Returns = { new ReturnSeries { Underlying = "EUA", LogReturns = { History() } } } };
            change(request.ScanCalibration);
            return request;
        }
        Assert.Equal("scan_calibration.quantile", await RefusedField(With(c => c.Quantile = 1.2)));
        Assert.Equal("scan_calibration.horizon_days", await RefusedField(With(c => c.HorizonDays = 40)));
        Assert.Equal("scan_calibration.vol_window", await RefusedField(With(c => c.VolWindow = 2)));
        Assert.Equal("scan_calibration.returns[0].log_returns", await RefusedField(With(c =>
        {
            c.Returns[0].LogReturns.Clear();
            c.Returns[0].LogReturns.Add(History().Take(50)); // 49 windows: fewer than 200
        })));
        Assert.Equal("scan_calibration.returns[0].log_returns[3]", await RefusedField(With(c => c.Returns[0].LogReturns[3] = double.NaN)));
        Assert.Equal("scan_calibration.returns[0].underlying", await RefusedField(With(_ => { }, statedScan: 0.15)));
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

using CarbonDerivatives.Protos.V1;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>A spot EUA holding over the server: valued by carry from Dec-26 (default snapshot: 70.76 EUR, r = 2.5%, 294 days).</summary>
[Collection("server")]
public sealed class SpotHoldingServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly RiskService.RiskServiceClient _client = new(server.Channel);

    private static RiskInputs Holding(string carryDelivery) => new()
    {
        Portfolio = new Portfolio
        {
            ReportingCurrency = "EUR",
            Positions =
            {
                new Position
                {
                    Id = "S", Lots = 1, Side = PositionSide.Long,
                    Instrument = new Instrument
                    {
                        Holding = new AllowanceHolding { Underlying = "EUA", Quantity = 5000, Currency = "EUR", CarryDelivery = carryDelivery, ConvenienceYield = 0.01 },
                    },
                },
            },
        },
        Market = new MarketSource { SnapshotId = "default" },
    };

    [Fact]
    public async Task SpotHolding_SensitivitiesAndMargin_FollowTheCarryFormula()
    {
        double t = 294 / 365.0, spot = 70.76 * Math.Exp(-(0.025 - 0.01) * t);
        using var call = _client.Sensitivities(new SensitivitiesRequest { Inputs = Holding("2026-12-21") });
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
        var position = result!.Positions.Single();
        Assert.Equal(5000 * spot, position.Measures.Price.Value, 1e-6);
        Assert.Equal(5000 * Math.Exp(-(0.025 - 0.01) * t), position.Measures.Delta.Value, 1e-9);

        var margin = await _client.MarginAsync(new MarginRequest
        {
            Inputs = Holding("2026-12-21"), Underlyings = { ["EUA"] = new ScanParameters { PriceScanRange = 0.15 } },
        });
        Assert.Equal(0.15 * 5000 * spot, margin.Total, 1e-6);
    }

    [Fact]
    public async Task SpotHoldingWithoutACarryDelivery_ReportsThePositionsField()
    {
        using var call = _client.Sensitivities(new SensitivitiesRequest { Inputs = Holding("") });
        SensitivitiesResult? result = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync()) result ??= update.Result;
        Assert.Equal("inputs.portfolio.positions[S].instrument.holding.carry_delivery", result!.Positions.Single().Error.Field);
    }
}

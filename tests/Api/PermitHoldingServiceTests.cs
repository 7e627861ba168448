using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// A pollution-permit holding over the server, against an inline market quoting Zhejiang's NOx index at 5,316 CNY per
/// tonne-year: 4 permits of 10 t a year, vintage 2024, valid 5 years, have 3 years left on 2026-03-02 (2026 counted).
/// </summary>
[Collection("server")]
public sealed class PermitHoldingServiceTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const double Index = 5316, Value = 4 * 10 * Index * 3;

    private static Instrument Permits(double annualQuantity = 10) => new()
    {
        PermitHolding = new PermitHolding
        {
            Underlying = "ZJNOX", Permits = 4, Currency = "CNY", PriceDate = "2026-12-31",
            Permit = new PollutionPermit { Substance = "nox", AnnualQuantity = annualQuantity, Vintage = 2024, ValidityYears = 5 },
        },
    };

    private static MarketSource IndexMarket() => new()
    {
        Inline = new MarketData
        {
            ValuationDate = "2026-03-02",
            Discount = new DiscountCurve { FlatRate = 0.02 },
            Futures = { new FuturesCurve { Underlying = "ZJNOX", Quotes = { new FuturesQuote { Delivery = "2026-12-31", Price = Index } } } },
        },
    };

    [Fact]
    public async Task PermitHolding_PriceAndMargin_AreTheTonneYearsLeftAtTheIndex()
    {
        var price = await new PricingService.PricingServiceClient(server.Channel).PriceAsync(
            new PriceRequest { Instrument = Permits(), Market = IndexMarket(), Greeks = true });
        Assert.Equal(Value, price.Value, 1e-6);
        Assert.Equal("analytic-permit", price.Method);
        Assert.Equal(120, price.Greeks.Delta.Value, 1e-9);

        var inputs = new RiskInputs
        {
            Portfolio = new Portfolio { ReportingCurrency = "CNY", Positions = { new Position { Id = "P", Lots = 1, Side = PositionSide.Long, Instrument = Permits() } } },
            Market = IndexMarket(),
        };
        var margin = await new RiskService.RiskServiceClient(server.Channel).MarginAsync(new MarginRequest
        {
            Inputs = inputs, Underlyings = { ["ZJNOX"] = new ScanParameters { PriceScanRange = 0.25 } },
        });
        Assert.Equal(0.25 * Value, margin.Total, 1e-6);
    }

    [Fact]
    public async Task PermitWithANegativeAnnualQuantity_InvalidArgumentNamingTheField()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => new PricingService.PricingServiceClient(server.Channel)
            .PriceAsync(new PriceRequest { Instrument = Permits(annualQuantity: -10), Market = IndexMarket() }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("instrument.permit_holding.permit.annual_quantity", e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}

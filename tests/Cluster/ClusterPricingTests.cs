using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Simulation;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Tests.Api;
using Xunit;
using ProtoTimeGrid = CarbonDerivatives.Protos.V1.TimeGrid;

namespace CarbonDerivatives.Tests.Cluster;

/// <summary>
/// A Monte Carlo Price on three in-process silos against the same request on one node: above the path x step threshold
/// the trade's blocks run as shards where Orleans places them and merge into the single-node bits; below it the run stays
/// on the node that received the call.
/// </summary>
public sealed class ClusterPricingTests
{
    [Fact]
    public async Task Cluster_LargeMonteCarloPrices_SameBitsAsOneNodeOnTwoOrMoreSilos_SmallOnesStayOnTheReceivingNode()
    {
        await using var cluster = await ThreeSiloCluster.StartAsync();

        foreach (var request in new[] { ArithmeticAsian(), AmericanPut() })
        {
            var (valuation, report) = await cluster.Pricing.Price(request, CancellationToken.None);

            var expected = SingleNode(request);
            Assert.NotNull(expected.Greeks);
            // Protobuf equality compares the doubles bit for bit: value, standard error, every Greek.
            Assert.Equal(Response(expected), Response(valuation));
            Assert.NotNull(report);
            Assert.True(report.Shards > 1, $"{report.Shards} shards");
            Assert.Equal(report.Shards, report.ShardsBySilo.Values.Sum());
            Assert.True(report.ShardsBySilo.Count >= 2, $"shards by silo: {string.Join(", ", report.ShardsBySilo)}");
        }

        var small = Requests.EuaDec26().MonteCarlo(10_000, seed: 3);
        var (smallValuation, smallReport) = await cluster.Pricing.Price(small, CancellationToken.None);
        Assert.Null(smallReport);
        Assert.Equal(Response(SingleNode(small)), Response(smallValuation));
    }

    /// <summary>An arithmetic-average EUA call, 131,072 paths on four steps per monthly fixing, Greeks by revaluation, short 3 lots.</summary>
    internal static PriceRequest ArithmeticAsian()
    {
        var request = new PriceRequest
        {
            RequestId = "asian",
            Instrument = new Instrument
            {
                AsianOption = new AsianOption
                {
                    Underlying = "EUA", Right = OptionRight.Call, Strike = 72, FuturesDelivery = "2026-12-21", LotSize = 1000, Currency = "EUR",
                    Average = AverageKind.Arithmetic, FirstFixing = "2026-04-15", LastFixing = "2026-12-15", Frequency = FixingFrequency.Monthly,
                },
            },
            Market = new MarketSource { SnapshotId = "default" },
            Greeks = true,
            Quantity = -3,
        }.MonteCarlo(131_072, steps: 0, seed: 11);
        request.Grid = new ProtoTimeGrid { StepsPerFixing = 4 };
        return request;
    }

    /// <summary>An American EUA put by Longstaff-Schwartz, 32,768 paths, 50 exercise steps, Greeks.</summary>
    private static PriceRequest AmericanPut()
    {
        var request = Requests.EuaDec26(OptionRight.Put, 85, id: "american").MonteCarlo(32_768, steps: 0, seed: 5);
        request.Instrument.FuturesOption.ExerciseStyle = ExerciseStyle.American;
        request.Grid = new ProtoTimeGrid { ExerciseSteps = 50 };
        request.Greeks = true;
        return request;
    }

    private static Valuation SingleNode(PriceRequest request) =>
        new ValuationService(new SimulationLimits()).Value(PriceRequestMapper.ToDomain(request, ClusterReference.Snapshots(), ClusterReference.Options));

    private static PriceResponse Response(Valuation valuation) => PriceResponseMapper.ToProto("", valuation, 0, 0);
}

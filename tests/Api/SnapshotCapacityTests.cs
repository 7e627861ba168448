using CarbonDerivatives.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>The snapshot store is bounded (Carbon:MaxSnapshots): a new id beyond the cap is refused, replacing or deleting is not.</summary>
[Collection("server")]
public sealed class SnapshotCapacityTests(SmallSnapshotStoreFixture server) : IClassFixture<SmallSnapshotStoreFixture>
{
    private readonly MarketDataService.MarketDataServiceClient _market = new(server.Channel);

    private Task<PutSnapshotResponse> Put(string id) =>
        _market.PutSnapshotAsync(new PutSnapshotRequest { SnapshotId = id, Market = Requests.InlineMarket() }).ResponseAsync;

    [Fact]
    public async Task PutSnapshot_BeyondTheCap_ResourceExhaustedWithQuotaFailureAndNothingLost()
    {
        // "default" plus two saved ones fill the store of 3.
        await Put("cap-a");
        await Put("cap-b");
        var e = await Assert.ThrowsAsync<RpcException>(() => Put("cap-c"));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        var violation = e.GetRpcStatus()!.GetDetail<QuotaFailure>().Violations.Single();
        Assert.Equal("server.snapshots", violation.Subject);
        Assert.Contains($"maximum of {SmallSnapshotStoreFixture.MaxSnapshots} snapshots", violation.Description);
        Assert.Equal(["cap-a", "cap-b", "default"], (await _market.ListSnapshotsAsync(new ListSnapshotsRequest())).SnapshotIds.Order());

        await Put("cap-b"); // replacing a stored id needs no new room
        await _market.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = "cap-a" });
        await Put("cap-c"); // a delete makes room
        Assert.Equal(["cap-b", "cap-c", "default"], (await _market.ListSnapshotsAsync(new ListSnapshotsRequest())).SnapshotIds.Order());
    }
}

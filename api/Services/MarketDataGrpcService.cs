using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Api.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace CarbonDerivatives.Api.Services;

/// <summary>MarketDataService: validated named snapshots that pricing requests can refer to by id.</summary>
[Authorize(CarbonRoles.Reader)]
public sealed class MarketDataGrpcService(ISnapshotStore store) : MarketDataService.MarketDataServiceBase
{
    [Authorize(CarbonRoles.Writer)]
    public override Task<PutSnapshotResponse> PutSnapshot(PutSnapshotRequest request, ServerCallContext context)
    {
        CheckId(request.SnapshotId);
        if (request.Market is null) RpcErrors.ThrowInvalidArgument("market", "is required");
        var market = MarketMapper.ToDomain(request.Market, "market");
        store.Put(new StoredSnapshot(request.SnapshotId, request.Market, market));
        return Task.FromResult(new PutSnapshotResponse { SnapshotId = request.SnapshotId, Underlyings = { market.FuturesCurves.Keys.Order() } });
    }

    public override Task<MarketData> GetSnapshot(GetSnapshotRequest request, ServerCallContext context)
    {
        CheckId(request.SnapshotId);
        var stored = store.Get(request.SnapshotId);
        if (stored is null) RpcErrors.ThrowNotFound($"snapshot_id: no snapshot '{request.SnapshotId}'");
        return Task.FromResult(stored.Message);
    }

    public override Task<ListSnapshotsResponse> ListSnapshots(ListSnapshotsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListSnapshotsResponse { SnapshotIds = { store.Ids() } });

    [Authorize(CarbonRoles.Admin)]
    public override Task<DeleteSnapshotResponse> DeleteSnapshot(DeleteSnapshotRequest request, ServerCallContext context)
    {
        CheckId(request.SnapshotId);
        if (request.SnapshotId == DefaultMarket.Id) RpcErrors.ThrowInvalidArgument("snapshot_id", "the default snapshot cannot be deleted");
        if (!store.Delete(request.SnapshotId)) RpcErrors.ThrowNotFound($"snapshot_id: no snapshot '{request.SnapshotId}'");
        return Task.FromResult(new DeleteSnapshotResponse());
    }

    public override Task<CalibrateMertonResponse> CalibrateMerton(CalibrateMertonRequest request, ServerCallContext context)
    {
        var fit = FieldPath.Translate("", () => Engine.Calibration.MertonCalibration.FitPrices(request.Prices,
            request.PeriodsPerYear == 0 ? 252 : request.PeriodsPerYear));
        return Task.FromResult(new CalibrateMertonResponse
        {
            Volatility = fit.Volatility, Drift = fit.Drift, LogLikelihood = fit.LogLikelihood, Observations = fit.Observations,
            GaussianVolatility = fit.GaussianVolatility, GaussianLogLikelihood = fit.GaussianLogLikelihood,
            Jumps = new MertonModel { JumpIntensity = fit.Jumps.Intensity, JumpMean = fit.Jumps.MeanLogJump, JumpVolatility = fit.Jumps.LogJumpVolatility },
        });
    }

    /// <summary>Fits the surface for a reader; saving it into a snapshot is a write, which needs the writer role.</summary>
    public override Task<CalibrateVolSurfaceResponse> CalibrateVolSurface(CalibrateVolSurfaceRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Underlying)) RpcErrors.ThrowInvalidArgument("underlying", "is required, e.g. \"EUA\"");
        StoredSnapshot? target = null;
        if (request.SaveToSnapshotId.Length > 0)
        {
            RoleDemand.Require(context, CarbonRoles.Writer, "CalibrateVolSurface with save_to_snapshot_id");
            DocumentIds.Check(request.SaveToSnapshotId, "save_to_snapshot_id");
            target = store.Get(request.SaveToSnapshotId);
            if (target is null) RpcErrors.ThrowNotFound($"save_to_snapshot_id: no snapshot '{request.SaveToSnapshotId}'");
        }
        var quotes = SmileMapper.Quotes(request);
        var fit = FieldPath.Translate("", () => Engine.Calibration.Smile.VolSurfaceCalibration.Calibrate(quotes, SmileMapper.Settings(request)));
        var reply = new CalibrateVolSurfaceResponse
        {
            Surface = SmileMapper.ToProto(fit.Surface, request.Underlying),
            Fits = { fit.Fits.Select((f, i) => SmileMapper.Report(f, quotes[i])) },
            Arbitrage = SmileMapper.Report(fit.Arbitrage), UnconstrainedArbitrage = SmileMapper.Report(fit.UnconstrainedArbitrage),
            Constrained = fit.Constrained,
        };
        if (target is not null)
        {
            var market = target.Message.Clone();
            var old = market.Volatilities.FirstOrDefault(v => v.Underlying == request.Underlying);
            if (old is not null) market.Volatilities.Remove(old);
            market.Volatilities.Add(reply.Surface);
            store.Put(new StoredSnapshot(target.Id, market, MarketMapper.ToDomain(market, "market")));
            reply.SavedSnapshotId = target.Id;
        }
        return Task.FromResult(reply);
    }

    private static void CheckId(string id) => DocumentIds.Check(id, "snapshot_id");
}

using System.Diagnostics;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Protos.V1;
using Grpc.Core;

namespace CarbonDerivatives.Api.Services;

/// <summary>RiskService.VegaBuckets: the book's vega on one underlying's surface by expiry × strike bucket.</summary>
public sealed partial class RiskGrpcService
{
    /// <summary>Most expiry and strike pillars: the closed forms run twice per bucket.</summary>
    public const int MaxExpiryPillars = 20, MaxStrikePillars = 50;

    public override async Task<VegaBucketsResponse> VegaBuckets(VegaBucketsRequest request, ServerCallContext context)
    {
        var clock = Stopwatch.StartNew();
        var c = RiskRequestMapper.ToDomain(request.Inputs, snapshots, portfolios, options.Value);
        if (string.IsNullOrWhiteSpace(request.Underlying)) throw RpcErrors.InvalidArgument("underlying", "is required, e.g. \"EUA\"");
        if (request.Expiries.Count is 0 or > MaxExpiryPillars)
            throw RpcErrors.InvalidArgument("expiries", $"must hold 1 to {MaxExpiryPillars} pillars, got {request.Expiries.Count}");
        if (request.Strikes.Count is 0 or > MaxStrikePillars)
            throw RpcErrors.InvalidArgument("strikes", $"must hold 1 to {MaxStrikePillars} pillars, got {request.Strikes.Count}");
        double[] expiries = [.. request.Expiries], strikes = [.. request.Strikes];
        var (buckets, parallel) = await Task.Run(() => RiskFieldPath.Translate(() =>
            Engine.Risk.VegaBuckets.Compute(c.Portfolio, c.Market, c.Fx, request.Underlying, expiries, strikes, c.Settings)), context.CancellationToken);
        var response = new VegaBucketsResponse
        {
            ReportingCurrency = c.Portfolio.ReportingCurrency, Underlying = request.Underlying, Strikes = { strikes }, ParallelVega = parallel,
            Timing = new Timing { TotalMs = clock.Elapsed.TotalMilliseconds },
        };
        for (int i = 0; i < expiries.Length; i++)
            response.Rows.Add(new VegaBucketRow { Expiry = expiries[i], Vegas = { Enumerable.Range(0, strikes.Length).Select(j => buckets[i, j]) } });
        return response;
    }
}

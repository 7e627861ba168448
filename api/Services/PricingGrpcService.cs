using System.Diagnostics;
using CarbonDerivatives.Api.Cluster;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Mapping;
using CarbonDerivatives.Api.Snapshots;
using CarbonDerivatives.Engine.Pricing;
using CarbonDerivatives.Engine.Validation;
using CarbonDerivatives.Protos.V1;
using CarbonDerivatives.Api.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Services;

/// <summary>
/// PricingService: maps the request, values it (closed forms inline; Monte Carlo through the
/// <see cref="SimulationGate"/> with the call's cancellation token; in a cluster, a large one shared out over the nodes
/// by <see cref="ClusterPricing"/>), maps the result back.
/// </summary>
[Authorize(CarbonRoles.Reader)]
public sealed class PricingGrpcService(IValuationService valuation, ISnapshotStore snapshots, SimulationGate gate,
    IOptions<ServerOptions> options, ClusterPricing? cluster = null) : PricingService.PricingServiceBase
{
    public override Task<PriceResponse> Price(PriceRequest request, ServerCallContext context) =>
        PriceOne(request, context.CancellationToken);

    public override async Task PriceStream(IAsyncStreamReader<PriceRequest> requestStream, IServerStreamWriter<PriceResponse> responseStream,
        ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            PriceResponse response;
            try
            {
                response = await PriceOne(request, context.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                var status = e as RpcException ?? ExceptionMappingInterceptor.Map(e, context);
                response = new PriceResponse
                {
                    RequestId = request.RequestId,
                    Error = new ErrorInfo { Code = FieldPath.Snake(status.StatusCode.ToString()).ToUpperInvariant(), Message = status.Status.Detail, Field = FieldOf(status) },
                };
            }
            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    public override Task<ImpliedVolatilityResponse> ImpliedVolatility(ImpliedVolatilityRequest request, ServerCallContext context)
    {
        var market = PriceRequestMapper.Market(request.Market, snapshots, "market");
        var option = InstrumentMapper.FuturesOption(request.Option, "option").Instrument as Engine.Products.FuturesOption
            ?? throw RpcErrors.InvalidArgument("option", "is required");
        var resolved = FieldPath.Translate("", () => Guard.Within(Pricers.InstrumentField, () => option.Resolve(market)), instrumentPath: "option");
        double vol = FieldPath.Translate("", () => Engine.Analytics.Black76.ImpliedVolatility(option.Type, request.PremiumPerUnit, resolved.Forward,
            option.Strike, resolved.Expiry, resolved.DiscountFactor), instrumentPath: "option");
        return Task.FromResult(new ImpliedVolatilityResponse
        {
            RequestId = request.RequestId, ImpliedVolatility = vol, MarketVolatility = resolved.Volatility, Forward = resolved.Forward,
            DiscountFactor = resolved.DiscountFactor, ExpiryYears = resolved.Expiry,
        });
    }

    private async Task<PriceResponse> PriceOne(PriceRequest request, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var domain = PriceRequestMapper.ToDomain(request, snapshots, options.Value);
        string instrument = InstrumentMapper.CasePath(request.Instrument, "instrument");
        Valuation Value() => FieldPath.Translate("", () => valuation.Value(domain, cancellation), instrument);
        var engineClock = Stopwatch.StartNew();
        (Valuation Valuation, ShardReport? Report) run = domain.Method != ValuationMethod.MonteCarlo ? (Value(), null)
            : cluster is null ? (await gate.RunAsync(Value, cancellation), null)
            : await gate.RunAsync(() => Task.Run(() => cluster.Price(request, cancellation), cancellation), cancellation);
        double engineMs = engineClock.Elapsed.TotalMilliseconds;
        var response = PriceResponseMapper.ToProto(request.RequestId, run.Valuation, clock.Elapsed.TotalMilliseconds, engineMs);
        response.Cluster = ClusterRunMapper.ToProto(run.Report);
        response.Warnings.AddRange(DynamicsMapper.Warnings(domain.Model));
        return response;
    }

    private static string FieldOf(RpcException status)
    {
        var details = status.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        return details?.FieldViolations.FirstOrDefault()?.Field ?? "";
    }
}

using CarbonDerivatives.Api.Hosting;
using CarbonDerivatives.Api.Telemetry;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Limits;

/// <summary>
/// Charges each request's Monte Carlo work (<see cref="SimulationWork"/>) to the caller's path-step budget before it
/// runs (every message of a stream), and counts the path-steps of calls that completed.
/// </summary>
internal sealed class SimulationQuotaInterceptor(SimulationQuota quota, CarbonMetrics metrics, IOptions<ServerOptions> options) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        long pathSteps = Charge(request, context);
        var response = await continuation(request, context);
        Completed(pathSteps, context);
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        long pathSteps = Charge(request, context);
        await continuation(request, responseStream, context);
        Completed(pathSteps, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var charged = new ChargedReader<TRequest>(requestStream, request => Charge(request!, context));
        await continuation(charged, responseStream, context);
        Completed(charged.PathSteps, context);
    }

    private long Charge(object request, ServerCallContext context)
    {
        long pathSteps = SimulationWork.PathSteps(request, options.Value);
        // Beyond the server's own budget the engine refuses the request naming its field (monte_carlo.paths); charge nothing.
        if (pathSteps > 0 && pathSteps <= options.Value.MaxPathSteps) quota.Charge(context.GetHttpContext().User, pathSteps);
        return pathSteps;
    }

    private void Completed(long pathSteps, ServerCallContext context)
    {
        if (pathSteps > 0) metrics.PathSteps(pathSteps, context.Method[(context.Method.LastIndexOf('/') + 1)..]);
    }

    private sealed class ChargedReader<T>(IAsyncStreamReader<T> inner, Func<T, long> charge) : IAsyncStreamReader<T>
    {
        public long PathSteps { get; private set; }

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            PathSteps += charge(inner.Current);
            return true;
        }
    }
}

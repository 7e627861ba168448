using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CarbonDerivatives.Api.Hosting;

/// <summary>
/// Structured log line per call: method, request id (the request's request_id, else the x-request-id
/// header, else a new one), status and time.
/// </summary>
internal sealed partial class RequestLoggingInterceptor(ILogger<RequestLoggingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        string requestId = request is Protos.V1.PriceRequest { RequestId.Length: > 0 } priced ? priced.RequestId : RequestId(context);
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await continuation(request, context);
            LogCall(context.Method, requestId, StatusCode.OK, clock.Elapsed.TotalMilliseconds);
            return response;
        }
        catch (RpcException e)
        {
            LogCall(context.Method, requestId, e.StatusCode, clock.Elapsed.TotalMilliseconds);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        string requestId = RequestId(context);
        var clock = Stopwatch.StartNew();
        try
        {
            await continuation(requestStream, responseStream, context);
            LogCall(context.Method, requestId, StatusCode.OK, clock.Elapsed.TotalMilliseconds);
        }
        catch (RpcException e)
        {
            LogCall(context.Method, requestId, e.StatusCode, clock.Elapsed.TotalMilliseconds);
            throw;
        }
    }

    private static string RequestId(ServerCallContext context) =>
        context.RequestHeaders.GetValue("x-request-id") ?? Guid.NewGuid().ToString("N")[..12];

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} request_id={RequestId} status={Status} elapsed_ms={ElapsedMs:F2}")]
    private partial void LogCall(string method, string requestId, StatusCode status, double elapsedMs);
}

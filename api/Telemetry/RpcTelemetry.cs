using System.Diagnostics;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http.Features;

namespace CarbonDerivatives.Api.Telemetry;

/// <summary>
/// Measures every call to a gRPC method at the edge, before authentication, rate limits and the malformed-request
/// guard, so refused calls are counted with their status too: latency by RPC and status, and the request's span
/// named after the RPC with the rpc.* attributes.
/// </summary>
internal static class RpcTelemetry
{
    public static WebApplication UseRpcTelemetry(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<CarbonMetrics>();
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc)
            {
                await next(context);
                return;
            }
            long start = Stopwatch.GetTimestamp();
            var span = Activity.Current;
            if (span is not null)
            {
                span.DisplayName = $"{grpc.Method.ServiceName}/{grpc.Method.Name}";
                span.SetTag("rpc.system", "grpc").SetTag("rpc.service", grpc.Method.ServiceName).SetTag("rpc.method", grpc.Method.Name);
            }
            int status = 2; // UNKNOWN, should the pipeline throw
            try
            {
                await next(context);
                status = Status(context);
            }
            finally
            {
                if (context.RequestAborted.IsCancellationRequested && status == 2) status = 1; // CANCELLED: the client went away
                metrics.Call(grpc.Method.ServiceName, grpc.Method.Name, status, Stopwatch.GetElapsedTime(start).TotalSeconds);
                span?.SetTag("rpc.grpc.status_code", status);
            }
        });
        return app;
    }

    /// <summary>The call's gRPC status: the service's own, else the grpc-status the response carries, else the HTTP status's meaning.</summary>
    private static int Status(HttpContext context)
    {
        if (context.Features.Get<IServerCallContextFeature>()?.ServerCallContext is { } call) return (int)call.Status.StatusCode;
        string? header = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].FirstOrDefault()
                         ?? context.Response.Headers["grpc-status"].FirstOrDefault();
        if (int.TryParse(header, out int grpcStatus)) return grpcStatus;
        return context.Response.StatusCode switch
        {
            StatusCodes.Status200OK => 0,
            StatusCodes.Status400BadRequest => 3,
            StatusCodes.Status401Unauthorized => 16,
            StatusCodes.Status403Forbidden => 7,
            StatusCodes.Status404NotFound => 5,
            StatusCodes.Status429TooManyRequests => 8,
            StatusCodes.Status503ServiceUnavailable => 14,
            _ => 2,
        };
    }
}

using System.Threading.RateLimiting;
using CarbonDerivatives.Api.Errors;
using CarbonDerivatives.Api.Security;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Limits;

/// <summary>
/// Calls per principal: ASP.NET Core's rate limiter with a token bucket per principal, sized by its role, on every
/// carbon.v1 method (gRPC or JSON over HTTP; health and reflection are not limited). Over the budget a gRPC call
/// gets RESOURCE_EXHAUSTED with QuotaFailure and RetryInfo; an HTTP call gets 429 with Retry-After.
/// </summary>
public static class CallRateLimits
{
    /// <summary>Registers the call limiter and the path-step quota (<see cref="SimulationQuota"/>).</summary>
    public static WebApplicationBuilder AddCarbonRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<SimulationQuota>();
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<SimulationQuotaInterceptor>());
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = Reject;
        });
        return builder;
    }

    /// <summary>After authentication: the principal decides the bucket.</summary>
    public static WebApplication UseCarbonRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } method
            || !method.Method.ServiceName.StartsWith("carbon.", StringComparison.Ordinal))
            return RateLimitPartition.GetNoLimiter("");
        string role = CarbonRoles.Highest(context.User) ?? CarbonRoles.Reader;
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.For(role);
        return RateLimitPartition.GetTokenBucketLimiter($"{role}|{CarbonPrincipals.Key(context.User)}",
            _ => TokenBuckets.Of(limits.CallsPerSecond, limits.CallBurst));
    }

    private static ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var context = rejected.HttpContext;
        var retryAfter = TokenBuckets.RetryAfter(rejected.Lease);
        string principal = CarbonPrincipals.Key(context.User);
        context.RequestServices.GetRequiredService<Telemetry.CarbonMetrics>().RateLimited("principal.calls");
        if (!GrpcErrorResponse.IsGrpc(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        }
        var status = RpcErrors.QuotaExceeded("principal.calls", $"{principal} is over its call rate limit", retryAfter);
        return new ValueTask(GrpcErrorResponse.WriteAsync(context, status));
    }
}

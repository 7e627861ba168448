using CarbonDerivatives.Api.Errors;
using Google.Rpc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CarbonDerivatives.Api.Security;

/// <summary>
/// Turns a refused call into its gRPC status: no or bad credentials (or none where a write needs them) are
/// UNAUTHENTICATED with the reason, a principal whose role is too low is PERMISSION_DENIED naming the role
/// needed. Calls that are not gRPC (JSON over HTTP) get ASP.NET Core's 401 and 403.
/// </summary>
internal sealed partial class GrpcAuthorizationResultHandler(ILogger<GrpcAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    internal const string NoCredentials =
        "no credentials: send an API key in the x-api-key header or a JWT as 'authorization: Bearer <token>'";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        bool anonymous = context.User.Identity?.AuthenticationType == AnonymousAuthenticationHandler.SchemeName;
        if (result.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        if (!GrpcErrorResponse.IsGrpc(context.Request))
        {
            await _default.HandleAsync(next, context, policy, anonymous ? PolicyAuthorizationResult.Challenge() : result);
            return;
        }

        string rpc = context.Request.Path.Value?.TrimStart('/') ?? "";
        string? needed = result.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().FirstOrDefault()?.AllowedRoles.First();
        string principal = CarbonPrincipals.Key(context.User);
        if (result.Challenged || anonymous)
        {
            // The handler's result is cached for the request: this asks again only for why it failed.
            string reason = (await context.AuthenticateAsync()).Failure?.Message
                ?? (needed is null ? NoCredentials : $"{rpc} needs the {needed} role: {NoCredentials}");
            LogRefused(rpc, principal, "UNAUTHENTICATED", reason);
            await GrpcErrorResponse.WriteAsync(context, new Status { Code = (int)Code.Unauthenticated, Message = reason });
            return;
        }
        string message = $"{principal} ({CarbonRoles.Highest(context.User) ?? "no role"}) may not call {rpc}: it needs the {needed} role";
        LogRefused(rpc, principal, "PERMISSION_DENIED", message);
        await GrpcErrorResponse.WriteAsync(context, new Status { Code = (int)Code.PermissionDenied, Message = message });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Rpc} refused for {Principal}: {Status} {Reason}")]
    private partial void LogRefused(string rpc, string principal, string status, string reason);
}

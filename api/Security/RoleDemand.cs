using Grpc.Core;

namespace CarbonDerivatives.Api.Security;

/// <summary>
/// A role asked for inside an RPC, where only part of a request writes (CalibrateVolSurface fits for a reader and saves for a
/// writer): the same statuses as the [Authorize] policies give, UNAUTHENTICATED for an anonymous caller, PERMISSION_DENIED
/// naming the role for a caller whose role is too low.
/// </summary>
internal static class RoleDemand
{
    /// <param name="context">The call.</param>
    /// <param name="role">The role needed.</param>
    /// <param name="what">What needs it, e.g. "CalibrateVolSurface with save_to_snapshot_id".</param>
    public static void Require(ServerCallContext context, string role, string what)
    {
        var user = context.GetHttpContext().User;
        if (CarbonRoles.AtLeast(role).Any(user.IsInRole)) return;
        if (user.Identity?.AuthenticationType is null or AnonymousAuthenticationHandler.SchemeName)
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"{what} needs the {role} role: {GrpcAuthorizationResultHandler.NoCredentials}"));
        throw new RpcException(new Status(StatusCode.PermissionDenied,
            $"{CarbonPrincipals.Key(user)} ({CarbonRoles.Highest(user) ?? "no role"}) may not call {what}: it needs the {role} role"));
    }
}

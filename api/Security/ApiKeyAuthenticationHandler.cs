using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CarbonDerivatives.Api.Security;

/// <summary>Authenticates the <c>x-api-key</c> header against the <see cref="ApiKeyTable"/>.</summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyTable keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "x-api-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers[Header];
        if (string.IsNullOrEmpty(key))
            return Task.FromResult(Request.Headers.Authorization.Count > 0
                ? AuthenticateResult.Fail("this server accepts no bearer tokens (Carbon:Security:Jwt is not configured): send an API key in x-api-key")
                : AuthenticateResult.NoResult());
        var principal = keys.Find(key);
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("unknown API key")
            : AuthenticateResult.Success(new AuthenticationTicket(CarbonPrincipals.Create(principal, SchemeName), SchemeName)));
    }
}

/// <summary>
/// A caller that sends no credentials at all: the anonymous role when one is set (development mode: reader),
/// otherwise no identity, so any RPC is refused with UNAUTHENTICATED.
/// </summary>
internal sealed class AnonymousAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, AnonymousAccess anonymous) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Anonymous";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(anonymous.Role is { } role
        ? AuthenticateResult.Success(new AuthenticationTicket(CarbonPrincipals.Create(new Principal(CarbonPrincipals.AnonymousName, role), SchemeName), SchemeName))
        : AuthenticateResult.NoResult());
}

/// <summary>The role given to callers without credentials (null: none).</summary>
public sealed record AnonymousAccess(string? Role);

/// <summary>Claims principals of the service: a name and one role claim.</summary>
internal static class CarbonPrincipals
{
    public const string AnonymousName = "anonymous";

    public static ClaimsPrincipal Create(Principal principal, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, principal.Name), new Claim(ClaimTypes.Role, principal.Role)], scheme));

    /// <summary>The principal's name for logs, audit and rate limits: "scheme:name" (e.g. "ApiKey:risk-batch").</summary>
    public static string Key(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } identity ? $"{identity.AuthenticationType}:{identity.Name}" : AnonymousName;
}

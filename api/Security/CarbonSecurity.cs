using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace CarbonDerivatives.Api.Security;

/// <summary>
/// Identity at the edge, roles on the services: ASP.NET Core authentication (API keys, JWT bearer tokens, client
/// certificates, or the anonymous role) and one authorization policy per role, which the gRPC services name in
/// <c>[Authorize]</c> attributes, so JSON transcoded routes of the same methods carry the same rules.
/// </summary>
public static class CarbonSecurity
{
    /// <summary>The default scheme: picks the handler for the credentials a call carries.</summary>
    public const string Scheme = "Carbon";

    /// <summary>Registers authentication, the role policies and TLS; refuses unsafe listen addresses (<see cref="UnsafeBindingException"/>).</summary>
    public static WebApplicationBuilder AddCarbonSecurity(this WebApplicationBuilder builder)
    {
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var tls = builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        string contentRoot = builder.Environment.ContentRootPath;
        ListenAddresses.Check(ListenAddresses.Configured(builder.Configuration, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)), security);
        ClientCertificateValidation.Check(security.Certificates);
        if (security.Certificates.Count > 0 && ServerCertificates.ClientCertificateMode(tls.ClientCertificates) == Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.NoCertificate)
            throw new InvalidOperationException($"{SecurityOptions.Section}:Certificates needs {TlsOptions.Section}:ClientCertificates = allow or require");

        var services = builder.Services;
        services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        var keys = new ApiKeyTable(security.ApiKeys);
        if (!security.CredentialsConfigured)
        {
            var development = DevelopmentKey.Generate();
            keys.Add(development.Key, new Principal(DevelopmentKey.PrincipalName, CarbonRoles.Admin));
            services.AddSingleton(development);
        }
        services.AddSingleton(keys);
        services.AddSingleton(new AnonymousAccess(AnonymousRole(security)));
        services.AddHostedService<SecurityStartupReport>();
        builder.WebHost.ConfigureKestrel(kestrel => ServerCertificates.ConfigureHttps(kestrel, tls, contentRoot));

        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key, JWT, client certificate or anonymous", o => o.ForwardDefaultSelector = context => Select(context, security))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, AnonymousAuthenticationHandler>(AnonymousAuthenticationHandler.SchemeName, null);
        if (security.Jwt.Enabled) authentication.AddJwtBearer(o => JwtValidation.Configure(o, security.Jwt, contentRoot));
        if (security.Certificates.Count > 0)
        {
            var authorities = ServerCertificates.ClientAuthorities(tls, contentRoot);
            authentication.AddCertificate(o => ClientCertificateValidation.Configure(o, security.Certificates, authorities));
        }
        services.AddAuthorization(o =>
        {
            foreach (string role in CarbonRoles.All) o.AddPolicy(role, policy => policy.RequireRole(CarbonRoles.AtLeast(role)));
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>Authentication then authorization, after routing (the endpoint's policies are known).</summary>
    public static WebApplication UseCarbonSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The handler for the credentials <paramref name="context"/> carries; a bearer token the server cannot check is the API-key handler's to refuse.</summary>
    private static string Select(HttpContext context, SecurityOptions security)
    {
        string? authorization = context.Request.Headers.Authorization;
        if (authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
            return security.Jwt.Enabled ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)) return ApiKeyAuthenticationHandler.SchemeName;
        if (security.Certificates.Count > 0 && context.Connection.ClientCertificate is not null) return CertificateAuthenticationDefaults.AuthenticationScheme;
        return AnonymousAuthenticationHandler.SchemeName;
    }

    private static string? AnonymousRole(SecurityOptions security) => security.AnonymousRole switch
    {
        null or "" => security.CredentialsConfigured ? null : CarbonRoles.Reader,
        "none" => null,
        var role => CarbonRoles.Check(role, $"{SecurityOptions.Section}:AnonymousRole"),
    };
}

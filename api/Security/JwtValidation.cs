using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CarbonDerivatives.Api.Security;

/// <summary>
/// JWT bearer validation from <see cref="JwtSettings"/>: issuer, audience, lifetime and signature (an HMAC key or
/// the keys of a JWKS file) all checked offline. A valid token becomes a principal named by its name claim with
/// its highest known role; a failure is reported in a sentence a client can act on.
/// </summary>
internal static class JwtValidation
{
    public static void Configure(JwtBearerOptions options, JwtSettings jwt, string contentRoot)
    {
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = false; // no metadata is fetched: keys come from configuration
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience.Length > 0 ? jwt.Audience
                : throw new InvalidOperationException($"{SecurityOptions.Section}:Jwt:Audience is required with an issuer"),
            IssuerSigningKeys = SigningKeys(jwt, contentRoot),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = jwt.NameClaim,
            RoleClaimType = jwt.RoleClaim,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var user = context.Principal!;
                string name = user.FindFirst(jwt.NameClaim)?.Value ?? "";
                var roles = CarbonRoles.All.Where(user.IsInRole).Select(r => new Claim(ClaimTypes.Role, r));
                context.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. roles], JwtBearerDefaults.AuthenticationScheme));
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                context.Fail(Reason(context.Exception));
                return Task.CompletedTask;
            },
        };
    }

    private static IReadOnlyList<SecurityKey> SigningKeys(JwtSettings jwt, string contentRoot)
    {
        var keys = new List<SecurityKey>();
        if (jwt.SigningKey.Length > 0)
        {
            byte[] secret = Convert.FromBase64String(jwt.SigningKey);
            if (secret.Length < 32) throw new InvalidOperationException($"{SecurityOptions.Section}:Jwt:SigningKey must be at least 32 bytes (base64)");
            keys.Add(new SymmetricSecurityKey(secret));
        }
        if (jwt.JwksPath.Length > 0)
            keys.AddRange(new JsonWebKeySet(File.ReadAllText(Path.Combine(contentRoot, jwt.JwksPath))).GetSigningKeys());
        return keys.Count > 0 ? keys
            : throw new InvalidOperationException($"{SecurityOptions.Section}:Jwt needs SigningKey (base64 HMAC key) or JwksPath (a JWKS file)");
    }

    private static string Reason(Exception e) => e switch
    {
        SecurityTokenExpiredException => "the bearer token has expired",
        SecurityTokenNotYetValidException => "the bearer token is not valid yet",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the bearer token's signature is not valid",
        SecurityTokenInvalidIssuerException => "the bearer token's issuer is not accepted",
        SecurityTokenInvalidAudienceException => "the bearer token's audience is not accepted",
        SecurityTokenNoExpirationException => "the bearer token has no expiry",
        _ => "the bearer token is not valid",
    };
}

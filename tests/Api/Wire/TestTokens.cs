using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CarbonDerivatives.Tests.Api.Wire;

/// <summary>JWTs for a server configured with <see cref="ServerArguments"/>: valid ones per role, and expired, badly signed and foreign ones.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://identity.test.example";
    public const string Audience = "carbon-derivatives";

    /// <summary>The server's HMAC key (fixed: tests are reproducible) and a key the server does not know.</summary>
    private static readonly byte[] SigningKey = SHA256.HashData("carbon-test-jwt-signing-key"u8);
    private static readonly byte[] OtherKey = SHA256.HashData("some-other-signing-key"u8);

    public static string[] ServerArguments =>
    [
        $"--Carbon:Security:Jwt:Issuer={Issuer}", $"--Carbon:Security:Jwt:Audience={Audience}",
        $"--Carbon:Security:Jwt:SigningKey={Convert.ToBase64String(SigningKey)}",
    ];

    public static string For(string subject, string[] roles, TimeSpan? lifetime = null, byte[]? key = null, string issuer = Issuer)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            NotBefore = expires < now ? expires - TimeSpan.FromMinutes(10) : now,
            IssuedAt = expires < now ? expires - TimeSpan.FromMinutes(10) : now,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Expired(string role) => For("late", [role], lifetime: TimeSpan.FromMinutes(-5));

    public static string BadlySigned(string role) => For("forger", [role], key: OtherKey);

    public static string ForeignIssuer(string role) => For("stranger", [role], issuer: "https://elsewhere.example");
}

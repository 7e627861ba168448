namespace CarbonDerivatives.Api.Security;

/// <summary>
/// Who may call the service: section <c>Carbon:Security</c>. With nothing configured the server runs in
/// development mode: loopback only, reads open, writes need a key generated and printed at start.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Carbon:Security";

    /// <summary>API keys, stored as the SHA-256 of the key: a client sends the key itself in the <c>x-api-key</c> header.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>JWT bearer tokens (<c>authorization: Bearer ...</c>); off unless an issuer is set.</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>Client certificates (TLS with <c>Carbon:Tls:ClientCertificates</c>) and the principal each one is.</summary>
    public List<CertificateEntry> Certificates { get; set; } = [];

    /// <summary>
    /// The role of a caller that sends no credentials: "none" refuses it (UNAUTHENTICATED). Unset: "reader"
    /// in development mode (no keys, tokens or certificates configured), "none" otherwise.
    /// </summary>
    public string? AnonymousRole { get; set; }

    /// <summary>Set by the <c>--insecure</c> flag: allows a non-loopback address without TLS or credentials (logged loudly).</summary>
    public bool Insecure { get; set; }

    /// <summary>True when some way of proving an identity is configured.</summary>
    public bool CredentialsConfigured => ApiKeys.Count > 0 || Jwt.Enabled || Certificates.Count > 0;
}

/// <summary>One API key: the principal's name, its role and the key's SHA-256 (hex), e.g. from <c>printf %s "$KEY" | sha256sum</c>.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Sha256 { get; set; } = "";
}

/// <summary>JWT validation: issuer, audience, and an HMAC signing key (base64) or a JWKS file of public keys.</summary>
public sealed class JwtSettings
{
    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";

    /// <summary>A symmetric (HS256) key, base64, at least 32 bytes.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>A JSON Web Key Set file (RS256/ES256 public keys), relative to the content root unless absolute.</summary>
    public string JwksPath { get; set; } = "";

    /// <summary>The claim that carries roles (a string or an array of strings).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that names the principal.</summary>
    public string NameClaim { get; set; } = "sub";

    public bool Enabled => Issuer.Length > 0;
}

/// <summary>A client certificate, matched by subject and/or SHA-256 thumbprint (hex), and the principal it is.</summary>
public sealed class CertificateEntry
{
    public string Subject { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
}

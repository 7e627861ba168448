namespace CarbonDerivatives.Api.Security;

/// <summary>
/// TLS for https:// addresses: section <c>Carbon:Tls</c>. The server certificate is a PEM pair
/// (<see cref="CertificatePath"/> + <see cref="KeyPath"/>) or a PKCS#12 file (<see cref="CertificatePath"/> ending
/// .pfx/.p12, with <see cref="Password"/>); HTTP/2 is negotiated by ALPN.
/// </summary>
public sealed class TlsOptions
{
    public const string Section = "Carbon:Tls";

    /// <summary>PEM certificate (chain) or PKCS#12 file, relative to the content root unless absolute.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>PEM private key of a PEM certificate (empty when the key is in the certificate file).</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>Password of the PKCS#12 file or of an encrypted PEM key.</summary>
    public string Password { get; set; } = "";

    /// <summary>"none" (default), "allow" or "require": client certificates for service-to-service calls.</summary>
    public string ClientCertificates { get; set; } = "none";

    /// <summary>PEM file of the CA certificate(s) that client certificates must chain to.</summary>
    public string ClientCertificateAuthorityPath { get; set; } = "";

    public bool Enabled => CertificatePath.Length > 0;
}

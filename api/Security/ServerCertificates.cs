using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace CarbonDerivatives.Api.Security;

/// <summary>Loads the configured server certificate and client-certificate authority, and sets Kestrel's https defaults.</summary>
internal static class ServerCertificates
{
    public static void ConfigureHttps(KestrelServerOptions kestrel, TlsOptions tls, string contentRoot)
    {
        if (!tls.Enabled) return;
        var certificate = Load(tls, contentRoot);
        var mode = ClientCertificateMode(tls.ClientCertificates);
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ServerCertificate = certificate;
            https.ClientCertificateMode = mode;
            // The chain is checked against Carbon:Tls:ClientCertificateAuthorityPath by the certificate
            // authentication handler, which also maps the certificate to a principal.
            if (mode != Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.NoCertificate) https.AllowAnyClientCertificate();
        });
    }

    public static X509Certificate2 Load(TlsOptions tls, string contentRoot)
    {
        string path = Path.Combine(contentRoot, tls.CertificatePath);
        if (!File.Exists(path)) throw new InvalidOperationException($"{TlsOptions.Section}:CertificatePath: no file {path}");
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pfx" or ".p12") return X509CertificateLoader.LoadPkcs12FromFile(path, tls.Password.Length > 0 ? tls.Password : null);
        string? key = tls.KeyPath.Length > 0 ? Path.Combine(contentRoot, tls.KeyPath) : null;
        return tls.Password.Length > 0
            ? X509Certificate2.CreateFromEncryptedPemFile(path, tls.Password, key)
            : X509Certificate2.CreateFromPemFile(path, key);
    }

    /// <summary>The CA certificates client certificates must chain to.</summary>
    public static X509Certificate2Collection ClientAuthorities(TlsOptions tls, string contentRoot)
    {
        var authorities = new X509Certificate2Collection();
        if (tls.ClientCertificateAuthorityPath.Length == 0)
            throw new InvalidOperationException($"{TlsOptions.Section}:ClientCertificateAuthorityPath is required with client certificates");
        authorities.ImportFromPemFile(Path.Combine(contentRoot, tls.ClientCertificateAuthorityPath));
        return authorities;
    }

    public static ClientCertificateMode ClientCertificateMode(string setting) => setting switch
    {
        "none" or "" => Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.NoCertificate,
        "allow" => Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate,
        "require" => Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.RequireCertificate,
        _ => throw new InvalidOperationException($"{TlsOptions.Section}:ClientCertificates must be none, allow or require, not \"{setting}\""),
    };
}

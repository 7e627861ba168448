using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// A private CA made for one test, the certificates it signs (a server certificate for localhost / 127.0.0.1, client
/// certificates), and their PEM files in a temporary folder deleted afterwards.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("carbon-tls-").FullName;

    public X509Certificate2 Authority { get; }

    public string AuthorityPem => Path.Combine(Folder, "ca.pem");

    public TestCertificates(string authorityName = "CN=Carbon Test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(authorityName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(AuthorityPem, Authority.ExportCertificatePem());
    }

    /// <summary>A server certificate for localhost and 127.0.0.1, written as PEM; returns (certificate file, key file).</summary>
    public (string Certificate, string Key) Server()
    {
        var sans = new SubjectAlternativeNameBuilder();
        sans.AddDnsName("localhost");
        sans.AddIpAddress(IPAddress.Loopback);
        var certificate = Issue("CN=localhost", new Oid("1.3.6.1.5.5.7.3.1"), sans.Build());
        return Write("server", certificate);
    }

    /// <summary>The server certificate as a password-protected PKCS#12 file; returns its path.</summary>
    public string ServerPfx(string password)
    {
        var (certificate, key) = Server();
        using var pem = X509Certificate2.CreateFromPemFile(certificate, key);
        string path = Path.Combine(Folder, "server.pfx");
        File.WriteAllBytes(path, pem.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>A client certificate (client-authentication use) with the private key.</summary>
    public X509Certificate2 Client(string subject) => Issue(subject, new Oid("1.3.6.1.5.5.7.3.2"), null);

    private X509Certificate2 Issue(string subject, Oid usage, X509Extension? sans)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (sans is not null) request.CertificateExtensions.Add(sans);
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(Authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
        // PKCS#12 round trip: a certificate with its key that SslStream can present on every platform.
        return X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12), null);
    }

    private (string, string) Write(string name, X509Certificate2 certificate)
    {
        string certificateFile = Path.Combine(Folder, $"{name}.pem"), keyFile = Path.Combine(Folder, $"{name}.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile);
    }

    /// <summary>An HTTP handler that trusts only this CA (and optionally presents a client certificate).</summary>
    public SocketsHttpHandler TrustingHandler(X509Certificate2? clientCertificate = null)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || errors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(Authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        if (clientCertificate is not null) handler.SslOptions.ClientCertificates = [clientCertificate];
        return handler;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

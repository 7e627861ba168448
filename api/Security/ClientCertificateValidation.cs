using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Certificate;

namespace CarbonDerivatives.Api.Security;

/// <summary>
/// Client certificates: the chain must end at the configured authority (checked by ASP.NET Core's certificate
/// handler), and the certificate must be one of <see cref="SecurityOptions.Certificates"/>, which names its principal.
/// </summary>
internal static class ClientCertificateValidation
{
    public static void Configure(CertificateAuthenticationOptions options, IReadOnlyList<CertificateEntry> entries, X509Certificate2Collection authorities)
    {
        options.AllowedCertificateTypes = CertificateTypes.Chained;
        options.ChainTrustValidationMode = X509ChainTrustMode.CustomRootTrust;
        options.CustomTrustStore = authorities;
        options.RevocationMode = X509RevocationMode.NoCheck; // a private CA publishes no revocation lists
        options.ValidateCertificateUse = true;
        options.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = context =>
            {
                var principal = Find(entries, context.ClientCertificate);
                if (principal is null) context.Fail("the client certificate is not one this server knows (Carbon:Security:Certificates)");
                else
                {
                    context.Principal = CarbonPrincipals.Create(principal, CertificateAuthenticationDefaults.AuthenticationScheme);
                    context.Success();
                }
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                context.Fail("the client certificate is not trusted");
                return Task.CompletedTask;
            },
        };
    }

    private static Principal? Find(IReadOnlyList<CertificateEntry> entries, X509Certificate2 certificate)
    {
        string thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        foreach (var entry in entries)
        {
            bool subject = entry.Subject.Length == 0 || string.Equals(entry.Subject, certificate.Subject, StringComparison.Ordinal);
            bool hash = entry.Sha256.Length == 0 || string.Equals(entry.Sha256, thumbprint, StringComparison.OrdinalIgnoreCase);
            if (subject && hash && (entry.Subject.Length > 0 || entry.Sha256.Length > 0)) return new Principal(entry.Name, entry.Role);
        }
        return null;
    }

    /// <summary>Checks every entry names a principal, a known role and something to match.</summary>
    public static void Check(IReadOnlyList<CertificateEntry> entries)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            string setting = $"{SecurityOptions.Section}:Certificates:{i}";
            if (entries[i].Name.Length == 0) throw new InvalidOperationException($"{setting}:Name is required");
            if (entries[i].Subject.Length == 0 && entries[i].Sha256.Length == 0) throw new InvalidOperationException($"{setting} needs Subject or Sha256");
            CarbonRoles.Check(entries[i].Role, $"{setting}:Role");
        }
    }
}

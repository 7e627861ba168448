using System.Net;
using Microsoft.AspNetCore.Http;

namespace CarbonDerivatives.Api.Security;

/// <summary>Thrown when the server would listen beyond loopback without TLS or credentials: its message says what to set.</summary>
public sealed class UnsafeBindingException(string message) : Exception(message);

/// <summary>
/// Secure by default: off loopback every address must be https:// and some credentials must be configured, or the
/// server refuses to start, unless <c>--insecure</c> says otherwise (then it warns at start).
/// </summary>
internal static class ListenAddresses
{
    /// <summary>The addresses the host will listen on, from --urls / ASPNETCORE_URLS, the port settings and Kestrel:Endpoints.</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration, string? urls)
    {
        var addresses = new List<string>();
        addresses.AddRange((urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        addresses.AddRange((configuration[Http.CarbonListeners.WebUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        addresses.AddRange(Ports(configuration["http_ports"]).Select(p => $"http://*:{p}"));
        addresses.AddRange(Ports(configuration["https_ports"]).Select(p => $"https://*:{p}"));
        addresses.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return addresses;
    }

    /// <summary>What is unsafe about <paramref name="addresses"/> (empty when nothing is).</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<string> addresses, bool credentialsConfigured)
    {
        var problems = new List<string>();
        foreach (string address in addresses)
        {
            var binding = BindingAddress.Parse(address);
            if (IsLocal(binding)) continue;
            if (!string.Equals(binding.Scheme, "https", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{address} is plaintext off loopback: set {TlsOptions.Section}:CertificatePath (and KeyPath for PEM) and listen on https://");
            if (!credentialsConfigured)
                problems.Add($"{address} is off loopback with no credentials configured: set {SecurityOptions.Section}:ApiKeys or {SecurityOptions.Section}:Jwt");
        }
        return problems;
    }

    /// <summary>Refuses unsafe addresses (unless insecure), as one message naming every setting needed.</summary>
    public static void Check(IEnumerable<string> addresses, SecurityOptions security)
    {
        var problems = Problems(addresses, security.CredentialsConfigured);
        if (problems.Count > 0 && !security.Insecure)
            throw new UnsafeBindingException("refusing to start: " + string.Join("; ", problems)
                                             + ". Or pass --insecure to run without them (never in production).");
    }

    private static bool IsLocal(BindingAddress binding) =>
        binding.IsNamedPipe || binding.Host.StartsWith("unix:", StringComparison.Ordinal)
        || string.Equals(binding.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(binding.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static IEnumerable<string> Ports(string? setting) =>
        (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

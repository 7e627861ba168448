using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarbonDerivatives.Cli.Connection;

/// <summary>A gRPC channel to the server plus the per-call options (deadline, credentials, cancellation) every command uses.</summary>
internal sealed class ServerConnection(GrpcChannel channel, int? deadlineMs, Metadata headers) : IDisposable
{
    public GrpcChannel Channel { get; } = channel;

    public static ServerConnection Open(string address, int? deadlineMs, CallerCredentials? credentials = null, string? caCertificate = null)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new UsageException($"--address: '{address}' is not an http:// or https:// URL");
        if (deadlineMs is <= 0) throw new UsageException("--deadline: must be a positive number of milliseconds");
        credentials ??= new CallerCredentials(null, null);
        if (credentials.Any && uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            throw new UsageException($"--address: refusing to send credentials in plain text to {uri.Host}; use https://");
        var headers = new Metadata();
        foreach (var (key, value) in credentials.Headers()) headers.Add(key, value);
        var handler = new SocketsHttpHandler();
        if (caCertificate is not null) TrustOnly(handler, caCertificate);
        return new ServerConnection(GrpcChannel.ForAddress(uri, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true }), deadlineMs, headers);
    }

    /// <summary>Call options with the deadline counted from now and the caller's credentials.</summary>
    public CallOptions Call(CancellationToken cancellation) =>
        new(headers: headers, deadline: deadlineMs is int ms ? DateTime.UtcNow.AddMilliseconds(ms) : null, cancellationToken: cancellation);

    public void Dispose() => Channel.Dispose();

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Accepts the server's certificate only if it chains to the CA in <paramref name="path"/> (a private CA or a self-signed certificate).</summary>
    private static void TrustOnly(SocketsHttpHandler handler, string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new UsageException($"--ca-certificate: cannot read {path}: {e.Message}");
        }
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null) return false;
            if (errors == System.Net.Security.SslPolicyErrors.None) return true;
            if (errors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
    }
}

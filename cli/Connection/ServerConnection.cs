using Grpc.Core;
using Grpc.Net.Client;

namespace CarbonDerivatives.Cli.Connection;

/// <summary>A gRPC channel to the server plus the per-call options (deadline, cancellation) every command uses.</summary>
internal sealed class ServerConnection(GrpcChannel channel, int? deadlineMs) : IDisposable
{
    public GrpcChannel Channel { get; } = channel;

    public static ServerConnection Open(string address, int? deadlineMs)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new UsageException($"--address: '{address}' is not an http:// or https:// URL");
        if (deadlineMs is <= 0) throw new UsageException("--deadline: must be a positive number of milliseconds");
        return new ServerConnection(GrpcChannel.ForAddress(uri), deadlineMs);
    }

    /// <summary>Call options with the deadline counted from now.</summary>
    public CallOptions Call(CancellationToken cancellation) =>
        new(deadline: deadlineMs is int ms ? DateTime.UtcNow.AddMilliseconds(ms) : null, cancellationToken: cancellation);

    public void Dispose() => Channel.Dispose();
}

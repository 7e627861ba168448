using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace CarbonDerivatives.Tests.Api.Wire;

/// <summary>What came back from a raw call: the status (null when the response carried none) and the reply messages.</summary>
internal sealed record WireReply(StatusCode? Status, string Message, IReadOnlyList<byte[]> Messages, Metadata Trailers);

/// <summary>
/// gRPC calls as raw HTTP/2 requests, so a test controls every byte of the body: length prefixes, flags and
/// payloads that no gRPC client would send.
/// </summary>
internal static class GrpcWire
{
    public static HttpClient Client(HttpMessageHandler? handler = null) => new(handler ?? new SocketsHttpHandler())
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>One length-prefixed frame: flag, 4-byte big-endian length, payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload, byte flag = 0, uint? length = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), length ?? (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    /// <param name="credential">A header that carries credentials (x-api-key or authorization), or null for none.</param>
    public static async Task<WireReply> CallAsync(HttpClient http, string address, CarbonRpc rpc, byte[] body, (string Name, string Value)? credential,
        string? encoding = null, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address.TrimEnd('/') + rpc.Path) 
        {
            Content = new ByteArrayContent(body), Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (credential is { } header) request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        if (encoding is not null) request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        using var response = await http.SendAsync(request, cancellation);
        byte[] replyBody = await response.Content.ReadAsByteArrayAsync(cancellation);
        if (response.Content.Headers.ContentType?.MediaType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
            return new WireReply(null, $"HTTP {(int)response.StatusCode} {response.Content.Headers.ContentType}: {System.Text.Encoding.UTF8.GetString(replyBody)}", [], new Metadata());
        string? status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
        string message = Uri.UnescapeDataString(Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message") ?? "");
        var trailers = new Metadata();
        string? details = Header(response.TrailingHeaders, "grpc-status-details-bin") ?? Header(response.Headers, "grpc-status-details-bin");
        if (details is not null) trailers.Add("grpc-status-details-bin", Convert.FromBase64String(Pad(details)));
        return new WireReply(status is null ? null : (StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
            status is null ? $"HTTP {(int)response.StatusCode} without grpc-status" : message, Messages(replyBody), trailers);
    }

    public static (string, string) ApiKey(string key) => ("x-api-key", key);

    public static (string, string) Bearer(string token) => ("authorization", $"Bearer {token}");

    private static string? Header(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.First() : null;

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');

    private static List<byte[]> Messages(byte[] body)
    {
        var messages = new List<byte[]>();
        for (int at = 0; at + 5 <= body.Length;)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            if (at + 5 + length > body.Length) throw new InvalidDataException($"the reply body ends inside a frame ({body.Length} bytes)");
            messages.Add(body.AsSpan(at + 5, (int)length).ToArray());
            at += 5 + (int)length;
        }
        return messages;
    }
}

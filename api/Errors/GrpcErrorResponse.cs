using System.Text;
using Google.Protobuf;

namespace CarbonDerivatives.Api.Errors;

/// <summary>
/// Writes a gRPC error from middleware, before any service runs (refused credentials, rate limits, malformed
/// frames): a trailers-only response with grpc-status, grpc-message and the google.rpc.Status details, read by
/// every gRPC client like an error from a service.
/// </summary>
internal static class GrpcErrorResponse
{
    /// <summary>True for a gRPC call (content-type application/grpc...), false for JSON over HTTP.</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext context, Google.Rpc.Status status)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(status.Message);
        if (status.Details.Count > 0) response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return Task.CompletedTask;
    }

    /// <summary>grpc-message encoding: bytes outside printable ASCII, and '%', as %XX of their UTF-8.</summary>
    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%') builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}

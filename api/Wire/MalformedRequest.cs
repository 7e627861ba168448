using Grpc.Core;

namespace CarbonDerivatives.Api.Wire;

/// <summary>The status of a request whose bytes are not a message of the method's type: INVALID_ARGUMENT, never UNKNOWN.</summary>
internal static class MalformedRequest
{
    public const string Message = "malformed request message";

    public static RpcException Error(string reason) => new(new Status(StatusCode.InvalidArgument, $"{Message}: {reason}"));

    public static RpcException TooLarge(long bytes, int limit) =>
        new(new Status(StatusCode.ResourceExhausted, $"the request message ({bytes:N0} bytes) exceeds the server's maximum of {limit:N0} bytes"));
}

using Google.Rpc;
using Grpc.Core;

namespace CarbonDerivatives.Cli.Output;

/// <summary>
/// The lines that explain a failed call: status code, message, and the google.rpc details the
/// server attaches (BadRequest field violations; QuotaFailure and RetryInfo for RESOURCE_EXHAUSTED), and how to
/// give credentials when the server asks for them. Pure.
/// </summary>
internal static class RpcErrorReport
{
    public static IReadOnlyList<string> Lines(RpcException e)
    {
        string message = e.Status.Detail.Length > 0 ? $": {e.Status.Detail}" : "";
        var lines = new List<string> { $"error: {StatusNames.Canonical(e.StatusCode)} ({(int)e.StatusCode}){message}" };
        var status = e.GetRpcStatus();
        if (status?.GetDetail<BadRequest>() is { } badRequest)
            lines.AddRange(badRequest.FieldViolations.Select(v => $"  field {v.Field}: {v.Description}"));
        if (status?.GetDetail<QuotaFailure>() is { } quota)
            lines.AddRange(quota.Violations.Select(v => $"  limit {v.Subject}: {v.Description}"));
        if (status?.GetDetail<RetryInfo>() is { RetryDelay: { } delay })
            lines.Add($"  retry after {delay.ToTimeSpan().TotalSeconds:0.###} s");
        if (e.StatusCode == StatusCode.Unauthenticated)
            lines.Add($"  give --api-key KEY (or ${Connection.CallerCredentials.ApiKeyVariable}) or --token JWT (or ${Connection.CallerCredentials.TokenVariable})");
        return lines;
    }
}

using System.Text.RegularExpressions;
using Grpc.Core;

namespace CarbonDerivatives.Cli.Output;

/// <summary>gRPC status codes by their canonical names (INVALID_ARGUMENT, RESOURCE_EXHAUSTED), as grpc/doc/statuscodes.md writes them.</summary>
internal static partial class StatusNames
{
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    public static string Canonical(StatusCode code) => WordBoundary().Replace(code.ToString(), "_").ToUpperInvariant();

    /// <summary>Reads "INVALID_ARGUMENT" or the enum's own "InvalidArgument" (as stream replies' ErrorInfo.code carries it).</summary>
    public static StatusCode? Parse(string name) =>
        Enum.TryParse<StatusCode>(name.Replace("_", ""), ignoreCase: true, out var code) ? code : null;

    /// <summary>The canonical form of a code name; an unknown name unchanged.</summary>
    public static string Canonical(string name) => Parse(name) is { } code ? Canonical(code) : name;
}

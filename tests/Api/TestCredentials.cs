using CarbonDerivatives.Api.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarbonDerivatives.Tests.Api;

/// <summary>
/// The API keys the test servers accept, one per role, configured the way an operator would (as SHA-256 hashes),
/// with anonymous reads open as in development mode; and channels that send a key on every call.
/// </summary>
internal static class TestCredentials
{
    public const string ReaderKey = "test-reader-7Qm2xV9pLk";
    public const string WriterKey = "test-writer-4Hs8dR1tZc";
    public const string AdminKey = "test-admin-9Wn5bF3yJe";

    public static readonly IReadOnlyDictionary<string, string> KeyOf = new Dictionary<string, string>
    {
        [CarbonRoles.Reader] = ReaderKey, [CarbonRoles.Writer] = WriterKey, [CarbonRoles.Admin] = AdminKey,
    };

    /// <summary>Server arguments: the three keys (principals test-reader, test-writer, test-admin) and the anonymous role.</summary>
    public static string[] ServerArguments(string anonymousRole = CarbonRoles.Reader) =>
    [
        .. KeyOf.Values.SelectMany((key, i) => new[]
        {
            $"--Carbon:Security:ApiKeys:{i}:Name=test-{KeyOf.First(k => k.Value == key).Key}",
            $"--Carbon:Security:ApiKeys:{i}:Role={KeyOf.First(k => k.Value == key).Key}",
            $"--Carbon:Security:ApiKeys:{i}:Sha256={ApiKeyTable.Hash(key)}",
        }),
        $"--Carbon:Security:AnonymousRole={anonymousRole}",
    ];

    /// <summary>A channel whose calls carry <paramref name="apiKey"/> (none: anonymous).</summary>
    public static GrpcChannel Channel(string address, string? apiKey = AdminKey, HttpMessageHandler? handler = null)
    {
        var options = new GrpcChannelOptions { HttpHandler = handler };
        if (apiKey is not null)
        {
            options.Credentials = ChannelCredentials.Create(address.StartsWith("https", StringComparison.Ordinal) ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("x-api-key", apiKey);
                    return Task.CompletedTask;
                }));
            options.UnsafeUseInsecureChannelCallCredentials = true; // loopback only
        }
        return GrpcChannel.ForAddress(address, options);
    }
}

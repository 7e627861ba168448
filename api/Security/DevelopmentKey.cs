using System.Security.Cryptography;

namespace CarbonDerivatives.Api.Security;

/// <summary>
/// Development mode's key: with no credentials configured, the server accepts this one key (admin) for writes,
/// generated at random for each start and printed in the start-up log.
/// </summary>
public sealed record DevelopmentKey(string Key)
{
    public const string PrincipalName = "development";

    public static DevelopmentKey Generate() => new("carbon-dev-" + Base64Url(RandomNumberGenerator.GetBytes(24)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

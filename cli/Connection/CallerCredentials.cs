namespace CarbonDerivatives.Cli.Connection;

/// <summary>
/// What the CLI proves itself with: an API key (sent as the x-api-key header) or a JWT (authorization: Bearer),
/// from <c>--api-key</c> / <c>--token</c> or the CARBON_API_KEY / CARBON_TOKEN environment variables (which keep
/// secrets out of shell history and process lists). None at all is an anonymous caller.
/// </summary>
internal sealed record CallerCredentials(string? ApiKey, string? Token)
{
    public const string ApiKeyVariable = "CARBON_API_KEY";
    public const string TokenVariable = "CARBON_TOKEN";

    public bool Any => ApiKey is not null || Token is not null;

    /// <summary>The call metadata entries that carry the credentials.</summary>
    public IEnumerable<(string Key, string Value)> Headers()
    {
        if (ApiKey is not null) yield return ("x-api-key", ApiKey);
        if (Token is not null) yield return ("authorization", $"Bearer {Token}");
    }

    public static CallerCredentials From(string? apiKey, string? token)
    {
        apiKey = NonEmpty(apiKey) ?? NonEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable));
        token = NonEmpty(token) ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable));
        if (apiKey is not null && token is not null) throw new UsageException("give one of --api-key or --token, not both");
        return new CallerCredentials(apiKey, token);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using System.CommandLine;

namespace CarbonDerivatives.Cli.Connection;

/// <summary>The options every command shares: where the server is, who is calling and how long a call may take.</summary>
internal static class ConnectionOptions
{
    public const string DefaultAddress = "http://localhost:5080";

    public static readonly Option<string> Address = new("--address")
    {
        Description = "Server address: http:// (plain HTTP/2, loopback) or https:// (TLS)",
        DefaultValueFactory = _ => DefaultAddress,
        Recursive = true,
    };

    public static readonly Option<int?> Deadline = new("--deadline")
    {
        Description = "Deadline per call in milliseconds (a batch stream counts as one call)",
        Recursive = true,
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = $"API key, sent as the x-api-key header (default: ${CallerCredentials.ApiKeyVariable})",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = $"JWT bearer token (default: ${CallerCredentials.TokenVariable})",
        Recursive = true,
    };

    public static readonly Option<string?> CaCertificate = new("--ca-certificate")
    {
        Description = "PEM file of the CA (or self-signed certificate) that an https:// server's certificate must chain to",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Address, Deadline, ApiKey, Token, CaCertificate];

    /// <summary>Opens a connection from the parsed shared options.</summary>
    public static ServerConnection Open(ParseResult parse) =>
        ServerConnection.Open(parse.GetValue(Address) ?? DefaultAddress, parse.GetValue(Deadline),
            CallerCredentials.From(parse.GetValue(ApiKey), parse.GetValue(Token)), parse.GetValue(CaCertificate));
}

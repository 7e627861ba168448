using System.CommandLine;

namespace CarbonDerivatives.Cli.Connection;

/// <summary>The options every command shares: where the server is and how long a call may take.</summary>
internal static class ConnectionOptions
{
    public const string DefaultAddress = "http://localhost:5080";

    public static readonly Option<string> Address = new("--address")
    {
        Description = "Server address (plain HTTP/2)",
        DefaultValueFactory = _ => DefaultAddress,
        Recursive = true,
    };

    public static readonly Option<int?> Deadline = new("--deadline")
    {
        Description = "Deadline per call in milliseconds (a batch stream counts as one call)",
        Recursive = true,
    };

    /// <summary>Opens a connection from the parsed <c>--address</c> and <c>--deadline</c>.</summary>
    public static ServerConnection Open(ParseResult parse) =>
        ServerConnection.Open(parse.GetValue(Address) ?? DefaultAddress, parse.GetValue(Deadline));
}

using System.CommandLine;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>Output format options shared by commands.</summary>
internal static class OutputOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print protobuf canonical JSON instead of a table (one line per reply for a batch)",
    };
}

using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Requests;

/// <summary>A spec named on the command line: a file ('-' for stdin) sent as JSON, otherwise a code the server knows.</summary>
internal static class SpecInput
{
    public static async Task<SpecReference> ReferenceAsync(string codeOrFile, CancellationToken cancellation) =>
        IsFile(codeOrFile)
            ? new SpecReference { SpecJson = await InputText.ReadAsync(codeOrFile, cancellation) }
            : new SpecReference { Code = codeOrFile };

    private static bool IsFile(string text) =>
        text == "-" || File.Exists(text) || text.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}

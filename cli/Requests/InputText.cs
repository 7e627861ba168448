namespace CarbonDerivatives.Cli.Requests;

/// <summary>Reads an input file, or standard input for "-".</summary>
internal static class InputText
{
    public static async Task<string> ReadAsync(string path, CancellationToken cancellation)
    {
        if (path == "-") return await Console.In.ReadToEndAsync(cancellation);
        try
        {
            return await File.ReadAllTextAsync(path, cancellation);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read it ({e.Message})", e);
        }
    }

    /// <summary>How to name the input in messages.</summary>
    public static string Name(string path) => path == "-" ? "stdin" : path;
}

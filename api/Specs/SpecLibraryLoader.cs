using CarbonDerivatives.Engine.Specs;

namespace CarbonDerivatives.Api.Specs;

/// <summary>Loads the spec library at start. A bad file is logged and left out; it never stops the server.</summary>
internal static partial class SpecLibraryLoader
{
    public static SpecLibraryLoad Load(string? directory, DateOnly validFrom, ILogger logger)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            NoLibrary(logger, directory ?? "specs/");
            return new SpecLibraryLoad(ContractSpecLibrary.Empty(validFrom), []);
        }
        var load = ContractSpecLibrary.LoadDirectory(directory, validFrom);
        foreach (var error in load.Errors) BadFile(logger, error.ToString());
        Loaded(logger, load.Library.Specs.Count, directory, load.Errors.Length);
        return load;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No spec library at {Directory}: the service starts with saved specs only")]
    private static partial void NoLibrary(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spec library: {Error}")]
    private static partial void BadFile(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} specs from {Directory} ({Errors} errors)")]
    private static partial void Loaded(ILogger logger, int count, string directory, int errors);
}

namespace CarbonDerivatives.Api.Specs;

/// <summary>
/// Where the spec library lives: <c>Carbon:SpecsDirectory</c> when set (relative to the content root), otherwise
/// the <c>specs</c> folder copied next to the server, otherwise the first <c>specs</c> folder found walking up
/// from the content root (a checkout run with <c>dotnet run --project api</c>).
/// </summary>
internal static class SpecDirectory
{
    private const string Name = "specs";

    /// <summary>The directory to load, or null when none exists.</summary>
    public static string? Find(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(Path.Combine(contentRoot, configured));
        string beside = Path.Combine(AppContext.BaseDirectory, Name);
        if (Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Path.GetFullPath(contentRoot)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, Name);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}

namespace CarbonDerivatives.Engine.Simulation;

/// <summary>
/// Stream tags (<see cref="SimulationGroup.StreamTag"/>) that give each underlying its own random numbers: the
/// positions on one underlying share their paths (so a book's per-underlying figures combine path by path), while
/// different underlyings draw independently, as one-factor models of unrelated allowances should.
/// </summary>
public static class StreamTags
{
    /// <summary>A stable 64-bit tag of the underlying code (FNV-1a over its UTF-16 units); never 0, the untagged stream.</summary>
    public static ulong ForUnderlying(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        ulong hash = 14695981039346656037UL;
        foreach (char ch in code) hash = (hash ^ ch) * 1099511628211UL;
        return hash == 0 ? 1 : hash;
    }
}

using System.Globalization;

namespace CarbonDerivatives.Tests.Data;

/// <summary>
/// The price histories shipped in data/ (copied next to the test assembly by the project file). A missing
/// file throws: a test that needs the data fails without it, it never passes by doing nothing.
/// </summary>
public static class ShippedData
{
    public const string EuaFrontDec = "eua_front_dec_daily_2008_2026.csv";
    public const string EuaWithPhaseOne = "eua_daily_2005_2024.csv";
    public const string Guangdong = "gdea_guangdong_daily_2014_2023.csv";

    /// <summary>data/ in the test output folder.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The full path of a shipped file; throws <see cref="FileNotFoundException"/> when it is not there.</summary>
    public static string PathOf(string file)
    {
        string path = Path.Combine(Directory, file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{file} is not in {Directory}: the tests copy it from the repository's data/ folder", path);
        return path;
    }

    /// <summary>The (date, price) rows of <paramref name="file"/>, oldest first, optionally only dates in [from, to).</summary>
    public static (DateOnly Date, double Price)[] Rows(string file, DateOnly? from = null, DateOnly? to = null) =>
        File.ReadLines(PathOf(file)).Skip(1).Select(line => line.Split(','))
            .Select(f => (DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))
            .Where(r => (from is null || r.Item1 >= from) && (to is null || r.Item1 < to))
            .ToArray();

    /// <summary>The prices of <paramref name="file"/>, oldest first, optionally only dates in [from, to).</summary>
    public static double[] Prices(string file, DateOnly? from = null, DateOnly? to = null) =>
        Rows(file, from, to).Select(r => r.Price).ToArray();
}

using CarbonDerivatives.Engine.Specs;
using Xunit;

namespace CarbonDerivatives.Tests.Specs;

/// <summary>The specs shipped in specs/ (copied next to the test assembly), loaded once.</summary>
public static class ShippedSpecs
{
    /// <summary>specs/ in the test output folder.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "specs");

    /// <summary>The tests' "today" for spec checks: the fixtures' valuation year.</summary>
    public static DateOnly ValidFrom { get; } = new(2026, 1, 1);

    private static readonly Lazy<SpecLibraryLoad> Loaded = new(() => ContractSpecLibrary.LoadDirectory(Directory, ValidFrom));

    /// <summary>The loaded library and its per-file errors.</summary>
    public static SpecLibraryLoad Load => Loaded.Value;

    /// <summary>The library; fails the test when a shipped spec did not load.</summary>
    public static ContractSpecLibrary Library
    {
        get
        {
            Assert.Empty(Load.Errors);
            return Load.Library;
        }
    }
}

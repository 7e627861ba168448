using System.Globalization;

namespace CarbonDerivatives.Cli.Output;

/// <summary>How numbers read in tables: grouped thousands, invariant culture, fixed decimals.</summary>
internal static class Figures
{
    public static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A sensitivity or standard error: more decimals, as gamma is small.</summary>
    public static string Fine(double value) => value.ToString("N6", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Millis(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>A rate or volatility as a percentage: 0.228 is "22.8%".</summary>
    public static string Percent(double value) => (100 * value).ToString("F1", CultureInfo.InvariantCulture) + "%";
}

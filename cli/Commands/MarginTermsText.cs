using System.Globalization;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Commands;

/// <summary>
/// `--compare MARGIN[:LIMIT%]`: an initial margin per lot and a daily limit in percent, either left empty for none
/// ("6000:5", "3000", ":20"). The server checks the values; this reads the text.
/// </summary>
internal static class MarginTermsText
{
    public static MarginTerms Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length > 2 || parts.All(p => p.Trim().Length == 0))
            throw new UsageException($"--compare: '{text}' is not MARGIN[:LIMIT%] (e.g. 6000:5, 3000 or :20)");
        var terms = new MarginTerms();
        if (parts[0].Trim().Length > 0) terms.InitialMarginPerLot = Number(parts[0], text);
        if (parts.Length == 2 && parts[1].Trim().Length > 0) terms.LimitFraction = Number(parts[1].TrimEnd('%', ' '), text) / 100;
        return terms;
    }

    private static double Number(string part, string text) =>
        double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new UsageException($"--compare: '{part.Trim()}' in '{text}' is not a number");
}

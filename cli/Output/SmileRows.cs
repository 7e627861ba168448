using System.Globalization;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Output;

/// <summary>Table rows of a CalibrateVolSurface reply.</summary>
internal static class SmileRows
{
    public static readonly string[] FitHeader = ["expiry (y)", "RMS (vol pts)", "max (vol pts)", "condition", "parameters"];

    public static readonly string[] QuoteHeader = ["expiry (y)", "strike", "quoted vol", "fitted vol", "error (vol pts)"];

    private static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);

    public static IEnumerable<string[]> Fits(CalibrateVolSurfaceResponse reply) => reply.Fits.Select(f => new[]
    {
        F(f.Expiry, "0.###"), F(f.RmsVolPoints, "0.000"), F(f.MaxErrorVolPoints, "0.000"), F(f.ConditionNumber, "0.0e+0"),
        string.Join(", ", f.ParameterNames.Zip(f.Parameters, (n, v) => $"{n}={F(v, "0.#####")}")),
    });

    public static IEnumerable<string[]> Quotes(CalibrateVolSurfaceResponse reply) => reply.Fits.SelectMany(f => f.Strikes.Select((k, i) => new[]
    {
        F(f.Expiry, "0.###"), F(k, "0.00"), F(100 * f.QuotedVolatilities[i], "0.00") + "%",
        F(100 * f.QuotedVolatilities[i] + f.ResidualVolPoints[i], "0.00") + "%", F(Math.Round(f.ResidualVolPoints[i], 3), "+0.000;-0.000;0.000"),
    }));

    public static string Arbitrage(CalibrateVolSurfaceResponse reply)
    {
        string range = $"ln(K/F) in [{F(reply.Arbitrage.FromLogMoneyness, "0.00")}, {F(reply.Arbitrage.ToLogMoneyness, "0.00")}]";
        string refit = reply.Constrained ? $" after the constrained refit ({reply.UnconstrainedArbitrage.Violations.Count} violation(s) before)" : "";
        if (reply.Arbitrage.ArbitrageFree) return $"arbitrage: none over {range}{refit}";
        return $"arbitrage over {range}{refit}: " + string.Join("; ", reply.Arbitrage.Violations.Select(v =>
            $"{v.Kind} at T={F(v.Expiry, "0.###")} K={F(v.Strike, "0.00")} by {F(v.Amount, "0.####")}"));
    }
}

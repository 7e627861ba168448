using System.Globalization;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Output;

/// <summary>The text of the risk tables, row by row. Pure: the Spectre tables are built from these.</summary>
internal static class RiskRows
{
    public static readonly string[] PositionHeader =
        ["position", "underlying", "tenor", "expiry", "ccy", "price", "delta", "gamma", "vega", "theta", "rho", "status"];

    public static readonly string[] TotalsHeader = ["aggregate", "positions", "price", "delta", "delta t", "gamma", "vega", "theta", "rho"];

    public static readonly string[] StressHeader = ["scenario", "days", "vol shock", "P&L"];

    public static readonly string[] ScenarioHeader = ["scenario", "days", "price shocks", "vol shock", "description"];

    public static readonly string[] MarginHeader = ["underlying", "scan risk", "scenario", "inter-month", "delivery", "credit", "short-option min", "total"];

    /// <summary>One row per underlying, in <see cref="MarginHeader"/> order.</summary>
    public static IReadOnlyList<string[]> Margin(MarginResponse response) => response.Underlyings.Select(u => new[]
    {
        u.Underlying, Figures.Money(u.ScanRisk), u.DrivingScenario.Number.ToString(CultureInfo.InvariantCulture), Figures.Money(u.CalendarSpreadCharge),
        Figures.Money(u.DeliveryCharge), Figures.Money(u.InterCommodityCredit), Figures.Money(u.ShortOptionMinimum), Figures.Money(u.Total),
    }).ToList();

    public static readonly string[] VarHeader = ["confidence", "VaR", "VaR SE", "ES", "ES SE"];

    /// <summary>One row per position, in <see cref="PositionHeader"/> order; a failed position shows its status.</summary>
    public static IReadOnlyList<string[]> Positions(SensitivitiesResult result) => result.Positions.Select(p =>
        (string[])[p.PositionId, p.Underlying, p.Tenor, p.Expiry, p.Currency, .. Measures(p.Measures), p.Error is { } e ? e.Code : "OK"]).ToList();

    /// <summary>Totals by underlying, by tenor, then the portfolio, in <see cref="TotalsHeader"/> order.</summary>
    public static IReadOnlyList<string[]> Totals(SensitivitiesResult result)
    {
        var rows = result.ByUnderlying.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => TotalsRow(u.Key, u.Value)).ToList();
        rows.AddRange(result.ByTenor.Select(t => TotalsRow($"{t.Underlying} {t.Delivery}", t.Totals)));
        if (result.Total is { } total) rows.Add(TotalsRow($"total ({result.ReportingCurrency})", total));
        return rows;
    }

    /// <summary>Lines explaining failed positions or errors, for under a table.</summary>
    public static IEnumerable<string> Errors(IEnumerable<(string Where, ErrorInfo Error)> errors) =>
        errors.Select(e => $"{e.Where}: {StatusNames.Canonical(e.Error.Code)}: {e.Error.Message}" + (e.Error.Field.Length > 0 ? $" (field {e.Error.Field})" : ""));

    public static IEnumerable<(string, ErrorInfo)> PositionErrors(SensitivitiesResult result) =>
        result.Positions.Where(p => p.Error is not null).Select(p => (p.PositionId, p.Error));

    /// <summary>A ladder grid: the price shock, then the P&amp;L under each vol shock.</summary>
    public static (string[] Header, IReadOnlyList<string[]> Rows) Ladder(ScenarioLadderResult result, LadderGrid grid)
    {
        string[] header = ["price \\ vol", .. result.VolShocks.Select(v => Signed(v * 100, "pt"))];
        var rows = grid.Rows.Select((row, i) => (string[])[Signed(result.PriceShocks[i] * 100, "%"), .. row.Pnl.Select(Figures.Money)]).ToList();
        return (header, rows);
    }

    public static IReadOnlyList<string[]> Stress(StressTestResponse response) => response.Results.Select(r => new[]
    {
        r.Scenario.Name, r.Scenario.Days.ToString(CultureInfo.InvariantCulture), Signed(r.Scenario.VolShock * 100, "pt"), Figures.Money(r.Pnl),
    }).ToList();

    public static IReadOnlyList<string[]> Scenarios(ListStressScenariosResponse response) => response.Scenarios.Select(s => new[]
    {
        s.Name, s.Days.ToString(CultureInfo.InvariantCulture), ShockList(s.PriceShocks), Signed(s.VolShock * 100, "pt"), s.Description,
    }).ToList();

    public static IReadOnlyList<string[]> Var(ValueAtRiskResult result) => result.Figures.Select(f => new[]
    {
        f.Confidence.ToString("P1", CultureInfo.InvariantCulture), Figures.Money(f.ValueAtRisk), Figures.Money(f.ValueAtRiskStandardError),
        Figures.Money(f.ExpectedShortfall), Figures.Money(f.ExpectedShortfallStandardError),
    }).ToList();

    /// <summary>"EUA -63%, UKA -40%" in code order.</summary>
    public static string ShockList(IDictionary<string, double> shocks) =>
        string.Join(", ", shocks.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {Signed(s.Value * 100, "%")}"));

    private static string[] TotalsRow(string name, RiskTotals totals)
    {
        var m = Measures(totals.Measures);
        return [name, totals.Positions.ToString(CultureInfo.InvariantCulture), m[0], m[1], Figures.Money(totals.DeltaTonnes), m[2], m[3], m[4], m[5]];
    }

    /// <summary>Price, delta, gamma, vega, theta, rho; blanks when absent.</summary>
    private static string[] Measures(RiskMeasures? m) => m is null
        ? ["", "", "", "", "", ""]
        : [Figures.Money(m.Price?.Value ?? 0), Figures.Money(m.Delta?.Value ?? 0), Figures.Fine(m.Gamma?.Value ?? 0),
           Figures.Money(m.Vega?.Value ?? 0), Figures.Money(m.Theta?.Value ?? 0), Figures.Money(m.Rho?.Value ?? 0)];

    private static string Signed(double value, string unit) => value.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + unit;
}

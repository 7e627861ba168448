using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Output;

/// <summary>The text of the price tables, row by row. Pure: the Spectre tables are built from these.</summary>
internal static class PriceRows
{
    public static readonly string[] GreekHeader = ["greek", "value", "SE", "method"];

    public static readonly string[] BatchHeader = ["#", "request id", "value", "SE", "ccy", "method", "paths", "delta", "ms", "status"];

    /// <summary>Label and text of each headline figure of one reply.</summary>
    public static IReadOnlyList<(string Label, string Text)> Summary(PriceResponse response)
    {
        var rows = new List<(string, string)>();
        if (response.RequestId.Length > 0) rows.Add(("request id", response.RequestId));
        rows.Add(("value", Figures.Money(response.Value)));
        rows.Add(("standard error", Figures.Money(response.StandardError)));
        rows.Add(("currency", response.Currency));
        rows.Add(("method", response.Method));
        rows.Add(("paths", Figures.Count(response.Paths)));
        if (response.WithoutLimits is { } free)
            rows.Add(("value without price limits", $"{Figures.Money(free.Value)} ± {Figures.Money(free.StandardError)}"));
        if (response.Timing is { } timing)
        {
            rows.Add(("server ms", Figures.Millis(timing.TotalMs)));
            rows.Add(("engine ms", Figures.Millis(timing.EngineMs)));
        }
        return rows;
    }

    /// <summary>One row per Greek present: name, value, standard error, method (a spread's per-leg Greeks when it has them).</summary>
    public static IReadOnlyList<string[]> Greeks(PriceResponse response)
    {
        (string Name, Greek? Greek)[] all = response.SpreadGreeks is { } s
            ? [("delta leg 1", s.Delta1), ("delta leg 2", s.Delta2), ("gamma leg 1", s.Gamma1), ("gamma leg 2", s.Gamma2),
               ("cross-gamma", s.CrossGamma), ("vega leg 1", s.Vega1), ("vega leg 2", s.Vega2), ("correlation", s.Correlation)]
            : response.Greeks is { } g
                ? [("delta", g.Delta), ("gamma", g.Gamma), ("vega", g.Vega), ("theta", g.Theta), ("rho", g.Rho)]
                : [];
        return all.Where(g => g.Greek is not null)
            .Select(g => new[] { g.Name, Figures.Fine(g.Greek!.Value), Figures.Fine(g.Greek.StandardError), g.Greek.Method })
            .ToList();
    }

    /// <summary>One reply of a batch, in <see cref="BatchHeader"/> order; a failed request shows its status code (see <see cref="BatchError"/>).</summary>
    public static string[] Batch(int index, PriceResponse response)
    {
        string number = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.Error is { } error) return [number, response.RequestId, "", "", "", "", "", "", "", StatusNames.Canonical(error.Code)];
        return
        [
            number, response.RequestId, Figures.Money(response.Value), Figures.Money(response.StandardError), response.Currency,
            response.Method, Figures.Count(response.Paths), response.Greeks?.Delta is { } delta ? Figures.Fine(delta.Value) : "",
            response.Timing is { } timing ? Figures.Millis(timing.TotalMs) : "", "OK",
        ];
    }

    /// <summary>The line under a batch table explaining a failed reply, or null for a success.</summary>
    public static string? BatchError(int index, PriceResponse response) =>
        response.Error is { } error
            ? $"#{index + 1} {response.RequestId}: {StatusNames.Canonical(error.Code)}: {error.Message}" + (error.Field.Length > 0 ? $" (field {error.Field})" : "")
            : null;
}

using CarbonDerivatives.Protos.V1;
using Spectre.Console;

namespace CarbonDerivatives.Cli.Output;

/// <summary>Spectre tables of price replies, from the rows of <see cref="PriceRows"/>.</summary>
internal static class PriceTables
{
    public static void Write(IAnsiConsole console, PriceResponse response)
    {
        var summary = new Table().HideHeaders().AddColumns("", "");
        summary.Columns[1].RightAligned();
        foreach (var (label, text) in PriceRows.Summary(response)) summary.AddRow(Markup.Escape(label), Markup.Escape(text));
        console.Write(summary);

        var greeks = PriceRows.Greeks(response);
        if (greeks.Count > 0) console.Write(Grid(PriceRows.GreekHeader, greeks, rightAligned: [1, 2]));
    }

    public static void WriteBatch(IAnsiConsole console, IReadOnlyList<PriceResponse> responses)
    {
        console.Write(Grid(PriceRows.BatchHeader, responses.Select((r, i) => PriceRows.Batch(i, r)).ToList(), rightAligned: [0, 2, 3, 6, 7, 8]));
        foreach (string? line in responses.Select((r, i) => PriceRows.BatchError(i, r)))
            if (line is not null) console.WriteLine(line);
    }

    private static Table Grid(string[] header, IReadOnlyList<string[]> rows, int[] rightAligned) => Tables.Grid(header, rows, rightAligned);
}

using Spectre.Console;

namespace CarbonDerivatives.Cli.Output;

/// <summary>Builds a Spectre table from a header and rows of plain text.</summary>
internal static class Tables
{
    public static Table Grid(string[] header, IEnumerable<string[]> rows, IEnumerable<int> rightAligned, string? title = null)
    {
        var table = new Table().AddColumns(header.Select(Markup.Escape).ToArray());
        if (title is not null) table.Title = new TableTitle(Markup.Escape(title));
        foreach (int column in rightAligned) table.Columns[column].RightAligned();
        foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        return table;
    }
}

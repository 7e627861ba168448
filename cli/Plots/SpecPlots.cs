using CarbonDerivatives.Protos.V1;
using ScottPlot;

namespace CarbonDerivatives.Cli.Plots;

/// <summary>
/// PNG plots of a spec-lab report (ScottPlot 5, rendered by SkiaSharp with its native library from NuGet):
/// value-and-greeks.png (value, delta, gamma and vega of one lot against the underlying price, one labelled panel
/// each) and, when the report has a margin simulation, pnl-vs-margin.png (the P&amp;L histogram of a long lot with
/// the initial margin and the margin needed at each confidence).
/// </summary>
internal static class SpecPlots
{
    /// <summary>Size of every image, pixels.</summary>
    public const int Width = 1000, Height = 700;

    public const string ValueAndGreeksFile = "value-and-greeks.png", PnlVsMarginFile = "pnl-vs-margin.png";

    /// <summary>Writes the plots of <paramref name="report"/> into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(SpecLabReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string> { ValueAndGreeks(report, Path.Combine(directory, ValueAndGreeksFile)) };
        if (report.Margin is { } margin) written.Add(PnlVsMargin(report, margin, Path.Combine(directory, PnlVsMarginFile)));
        return written;
    }

    private static string ValueAndGreeks(SpecLabReport report, string path)
    {
        var curve = report.Curve;
        double[] prices = [.. curve.Prices];
        string ccy = report.Currency, x = $"underlying price ({ccy}/unit)";
        var panels = new (string Title, string Unit, IEnumerable<double> Values)[]
        {
            ("value", $"{ccy} per lot", curve.Value),
            ("delta", $"{ccy} per lot per {ccy}/unit", curve.Delta),
            ("gamma", $"{ccy} per lot per ({ccy}/unit)²", curve.Gamma),
            ("vega", $"{ccy} per lot per 1.00 vol", curve.Vega),
        };
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels.Length);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(2, 2);
        for (int i = 0; i < panels.Length; i++)
        {
            var plot = multiplot.GetPlot(i);
            plot.Add.ScatterLine(prices, [.. panels[i].Values]);
            var spot = plot.Add.VerticalLine(report.UnderlyingPrice);
            spot.LinePattern = LinePattern.Dotted;
            plot.Title($"{panels[i].Title}: {curve.Instrument}", size: 13);
            plot.XLabel(x);
            plot.YLabel(panels[i].Unit);
        }
        multiplot.SavePng(path, Width, Height);
        return path;
    }

    private static string PnlVsMargin(SpecLabReport report, MarginAdequacy margin, string path)
    {
        var h = margin.Histogram;
        var plot = new Plot();
        var bars = plot.Add.Bars(
            [.. Enumerable.Range(0, h.Counts.Count).Select(i => (h.BinEdges[i] + h.BinEdges[i + 1]) / 2)],
            [.. h.Counts.Select(c => (double)c)]);
        double width = h.BinEdges.Count > 1 ? h.BinEdges[1] - h.BinEdges[0] : 1;
        foreach (var bar in bars.Bars) bar.Size = width;
        bars.LegendText = $"simulated P&L of a long lot ({margin.Model}, {margin.HorizonDays} day(s), {margin.Paths:N0} paths)";

        if (margin.Coverage is { } coverage)
        {
            var im = plot.Add.VerticalLine(-coverage.InitialMarginPerLot, width: 2, color: Colors.Red);
            im.LegendText = $"initial margin {coverage.InitialMarginPerLot:N0} {report.Currency}";
        }
        var colors = new[] { Colors.DarkOrange, Colors.Purple, Colors.Teal };
        for (int i = 0; i < margin.MarginNeeded.Count; i++)
        {
            var need = margin.MarginNeeded[i];
            var line = plot.Add.VerticalLine(-need.LongSide, width: 2, color: colors[i % colors.Length]);
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"margin needed {need.Confidence:0.#%} (long) {need.LongSide:N0} {report.Currency}";
        }
        plot.Title($"{report.SpecCode}: one-lot P&L vs margin");
        plot.XLabel($"P&L per lot ({report.Currency}); losses left of 0");
        plot.YLabel("paths");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
        return path;
    }
}

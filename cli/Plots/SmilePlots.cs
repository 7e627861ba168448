using CarbonDerivatives.Protos.V1;
using ScottPlot;

namespace CarbonDerivatives.Cli.Plots;

/// <summary>A PNG of a CalibrateVolSurface reply: per expiry, the quoted vols (markers) and the fitted smile (line), vol against strike.</summary>
internal static class SmilePlots
{
    /// <summary>Size of the image, pixels.</summary>
    public const int Width = 1000, Height = 650;

    /// <summary>Writes the plot to <paramref name="path"/>; returns it.</summary>
    public static string Write(CalibrateVolSurfaceResponse reply, string underlying, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < reply.Fits.Count; i++)
        {
            var fit = reply.Fits[i];
            var color = palette.GetColor(i);
            var curve = plot.Add.ScatterLine(fit.CurveStrikes.ToArray(), fit.CurveVolatilities.Select(v => 100 * v).ToArray(), color);
            curve.LineWidth = 2;
            curve.LegendText = $"T = {fit.Expiry:0.###} y fit (RMS {fit.RmsVolPoints:0.000} vol pts)";
            var quotes = plot.Add.ScatterPoints(fit.Strikes.ToArray(), fit.QuotedVolatilities.Select(v => 100 * v).ToArray(), color);
            quotes.MarkerSize = 8;
            quotes.LegendText = $"T = {fit.Expiry:0.###} y quotes";
        }
        plot.Title($"{underlying} smile: quotes and fit{(reply.Constrained ? " (constrained)" : "")}");
        plot.XLabel("strike");
        plot.YLabel("Black vol (%)");
        plot.ShowLegend(Alignment.UpperRight);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        plot.SavePng(path, Width, Height);
        return path;
    }
}

extern alias cli;
using System.Buffers.Binary;
using cli::CarbonDerivatives.Cli.Plots;
using CarbonDerivatives.Tests.Api;
using Xunit;

namespace CarbonDerivatives.Tests.Cli;

/// <summary>`carbon spec ...` against the real server: tables, exit codes and the PNG plots read back.</summary>
[Collection("server")]
public sealed class CarbonCliSpecTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly string _plots = Path.Combine(Path.GetTempPath(), $"carbon-plots-{Guid.NewGuid():N}");

    private async Task<(int ExitCode, string Table, string Errors)> Run(params string[] args)
    {
        var (code, _, table, errors) = await CliRunner.RunAsync(server.Address, 200, args);
        return (code, table, errors);
    }

    /// <summary>Reads the 8-byte PNG signature and the IHDR chunk that must follow it: (width, height).</summary>
    private static (int Width, int Height) PngSize(string path)
    {
        byte[] head = new byte[24];
        using (var file = File.OpenRead(path)) file.ReadExactly(head);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(head, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20)));
    }

    private void AssertPlot(string name)
    {
        string path = Path.Combine(_plots, name);
        Assert.Equal((SpecPlots.Width, SpecPlots.Height), PngSize(path));
        Assert.True(new FileInfo(path).Length > 20_000, $"{name} is only {new FileInfo(path).Length} bytes: nothing drawn?");
    }

    [Fact]
    public async Task SpecTest_IceEuaOptionsFile_PrintsTheTablesAndWritesTheValuePlotOnly()
    {
        var (code, table, errors) = await Run("spec", "test", Path.Combine(Specs.ShippedSpecs.Directory, "ice-eua-options.json"), "--plots", _plots);
        Assert.True(code == 0, errors);
        foreach (string part in new[] { "listing calendar", "ICE-EUA-OPT Dec-26", "listed strikes, Black-76", "scenario ladder", "stress", "value-and-greeks.png",
                     "portfolio margin with typical hedges", "delta-hedged short call" })
            Assert.Contains(part, table);
        AssertPlot(SpecPlots.ValueAndGreeksFile);
        Assert.False(File.Exists(Path.Combine(_plots, SpecPlots.PnlVsMarginFile)), "an option spec has no margin to plot");
    }

    [Fact]
    public async Task SpecTest_FuturesWithMargin_PrintsCoverageAndPriceLimitAndWritesBothPlots()
    {
        var (code, table, errors) = await Run("spec", "test", Path.Combine(AppContext.BaseDirectory, "samples", "spec-eua-futures-margin.json"),
            "--plots", _plots, "--paths", "20480", "--seed", "11");
        Assert.True(code == 0, errors);
        foreach (string part in new[] { "margin needed", "99.7%", "coverage of the initial margin 5,000.00 EUR/lot", "price limit ±10%",
                     "portfolio margin with typical hedges", "calendar spread", "5,000.00" })
            Assert.Contains(part, table);
        AssertPlot(SpecPlots.ValueAndGreeksFile);
        AssertPlot(SpecPlots.PnlVsMarginFile);
    }

    [Fact]
    public async Task SpecTest_Compare_SendsTheAlternativesAndPrintsThemBesideTheSpecs()
    {
        string spec = Path.Combine(AppContext.BaseDirectory, "samples", "spec-eua-futures-margin.json");
        var (code, table, errors) = await Run("spec", "test", spec, "--plots", _plots, "--paths", "10240", "--compare", "8000:5", "--compare", ":20");
        Assert.True(code == 0, errors);
        foreach (string part in new[] { "margin and limit settings side by side", "the spec", "alternative 1", "8,000.00 EUR", "±5%", "alternative 2", "±20%" })
            Assert.Contains(part, table);

        var (bad, _, message) = await Run("spec", "test", spec, "--compare", "lots");
        Assert.Equal(2, bad); // invalid argument
        Assert.Contains("--compare: 'lots'", message);
        var (refused, _, field) = await Run("spec", "test", spec, "--paths", "10240", "--compare", "5000:150");
        Assert.Equal(2, refused);
        Assert.Contains("settings.margin_alternatives[0].limit_fraction", field);
    }

    [Fact]
    public async Task SpecTest_WithAHestonModel_MarginIsUnderHestonAndTheFellerWarningPrinted()
    {
        var (code, table, errors) = await Run("spec", "test", Path.Combine(AppContext.BaseDirectory, "samples", "spec-eua-futures-margin.json"),
            "--plots", _plots, "--paths", "20480", "--model",
            """{"heston":{"meanReversion":2,"longRunVariance":0.2,"volOfVol":1.2,"correlation":-0.6}}""");
        Assert.True(code == 0, errors);
        Assert.Contains("heston, vol", table);
        Assert.Contains("warning: settings.model.heston: the Feller condition", table);
    }

    [Fact]
    public async Task SpecTest_WithAPriceHistory_PrintsTheBackTest()
    {
        // 101 flat closes with a -20% (log) day and a +20% (log) day: 100 one-day windows, the sample's EUR 5,000 margin
        // covers every window but those two.
        var prices = new List<double> { 70 };
        for (int d = 1; d <= 100; d++) prices.Add(prices[^1] * (d == 11 ? Math.Exp(-0.2) : d == 61 ? Math.Exp(0.2) : 1));
        string history = Path.GetTempFileName();
        await File.WriteAllLinesAsync(history, ["date,price", .. prices.Select((p, i) => $"2025-01-{i % 28 + 1:00},{p.ToString(System.Globalization.CultureInfo.InvariantCulture)}")]);
        var (code, table, errors) = await Run("spec", "test", Path.Combine(AppContext.BaseDirectory, "samples", "spec-eua-futures-margin.json"),
            "--history", history, "--paths", "20480", "--plots", _plots);
        File.Delete(history);
        Assert.True(code == 0, errors);
        Assert.Contains("historical back-test", table);
        Assert.Contains("long 99%, short 99%, either side 98%", table);
        // The worst long window loses F0 x 1,000 x (1 - e^-0.2), F0 the reference future's price the report states.
        double f0 = double.Parse(System.Text.RegularExpressions.Regex.Match(table, @"underlying ([0-9,]+\.[0-9]+) EUR/unit").Groups[1].Value,
            System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        double worst = double.Parse(System.Text.RegularExpressions.Regex.Match(table, @"worst loss per lot long ([0-9,]+\.[0-9]+)").Groups[1].Value,
            System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(f0 * 1000 * -double.ExpM1(-0.2), worst, 1e-4 * worst); // F0 is printed to the cent
    }

    [Fact]
    public async Task SpecTest_WithTheShippedEuaHistory_WorstLongDayIsTheBackloadingVote()
    {
        // The README's command: carbon spec test cli/samples/spec-eua-futures-margin.json --history data/eua_front_dec_daily_2008_2026.csv.
        // The worst one-day window of 2008-2026 is 2013-04-16, 4.68 to 3.03: a long lot loses F0 x 1,000 x (1 - 3.03/4.68).
        var (code, table, errors) = await Run("spec", "test", Path.Combine(AppContext.BaseDirectory, "samples", "spec-eua-futures-margin.json"),
            "--history", Data.ShippedData.PathOf(Data.ShippedData.EuaFrontDec), "--paths", "20480", "--plots", _plots);
        Assert.True(code == 0, errors);
        Assert.Contains("historical back-test", table);
        double f0 = double.Parse(System.Text.RegularExpressions.Regex.Match(table, @"underlying ([0-9,]+\.[0-9]+) EUR/unit").Groups[1].Value,
            System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        double worst = double.Parse(System.Text.RegularExpressions.Regex.Match(table, @"worst loss per lot long ([0-9,]+\.[0-9]+)").Groups[1].Value,
            System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(f0 * 1000 * (1 - 3.03 / 4.68), worst, 1e-4 * worst);
    }

    [Fact]
    public async Task SpecValidate_BrokenFile_ListsEveryPathAndExitsTwo()
    {
        Directory.CreateDirectory(_plots);
        string file = Path.Combine(_plots, "broken.json");
        await File.WriteAllTextAsync(file, SpecServiceTests.BrokenSpec);
        var (code, table, _) = await Run("spec", "validate", file);
        Assert.Equal(2, code);
        foreach (string path in new[] { "lotSize", "tick.size", "currency" }) Assert.Contains(path, table);
    }

    [Fact]
    public async Task SpecCalendar_ByCode_ListsTheNextContracts()
    {
        var (code, table, errors) = await Run("spec", "calendar", "ICE-EUA-FUT", "--count", "3");
        Assert.True(code == 0, errors);
        Assert.Contains("ICE-EUA-FUT Mar-26", table);
        // ICE's rule: the last Monday (30 March 2026) unless a holiday falls in the 4 days after it (Good Friday,
        // 3 April 2026), then the penultimate Monday.
        Assert.Contains("2026-03-23", table);
    }

    public void Dispose()
    {
        if (Directory.Exists(_plots)) Directory.Delete(_plots, recursive: true);
    }
}

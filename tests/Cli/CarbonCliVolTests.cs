using System.Buffers.Binary;
using CarbonDerivatives.Tests.Api;
using Xunit;

namespace CarbonDerivatives.Tests.Cli;

/// <summary>`carbon vol calibrate` against the real server: the fit tables and the PNG of quotes vs curve.</summary>
[Collection("server")]
public sealed class CarbonCliVolTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    [Fact]
    public async Task Calibrate_EuaSmileSample_PrintsTheFitAndWritesThePng()
    {
        string png = Path.Combine(Path.GetTempPath(), $"carbon-smile-{Guid.NewGuid():N}.png");
        try
        {
            var (code, _, table, errors) = await CliRunner.RunAsync(server.Address, 200, "vol", "calibrate", Sample("eua-smile.json"), "--png", png);
            Assert.True(code == 0, errors);
            Assert.Contains("RMS (vol pts)", table);
            Assert.Contains("a=", table);
            Assert.Contains("arbitrage: none", table);
            Assert.Equal(5 + 13 + 5, table.Split('\n').Count(l => l.Contains('%'))); // one row per quote, delta-quoted expiries 5 each
            byte[] head = new byte[24];
            using (var file = File.OpenRead(png)) file.ReadExactly(head);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(head, 12, 4));
            Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16)));
            Assert.True(new FileInfo(png).Length > 20_000, "nothing drawn?");
        }
        finally
        {
            File.Delete(png);
        }
    }
}

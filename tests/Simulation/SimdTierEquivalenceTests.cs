using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// The 256-bit and scalar tiers give the same prices as the widest tier. The tier is fixed per
/// process, so each runs in a child process with the wider vectors disabled
/// (DOTNET_PreferredVectorBitWidth=256, DOTNET_EnableHWIntrinsic=0). On this machine the 256-bit tier
/// reproduces the 512-bit one bit for bit. The uniforms are bit-identical by
/// construction; normals go through each tier's Log/SinCos/Exp, which may differ in the last ulp,
/// so prices must agree to 1e-9 relative — far inside their standard errors.
/// </summary>
public class SimdTierEquivalenceTests
{
    [Theory]
    [InlineData("DOTNET_PreferredVectorBitWidth", "256", "Vector256")]
    [InlineData("DOTNET_EnableHWIntrinsic", "0", "Scalar")]
    public void Probe_VectorTierDisabled_SamePricesAsInProcess(string switchName, string switchValue, string expectedTier)
    {
        var reference = SimdProbe.ProbeCases.Run().ToDictionary(c => c.Name, c => c.Estimate);
        var (tier, figures) = RunProbe(switchName, switchValue);
        if (tier == "Scalar" && expectedTier == "Vector256") return; // this CPU has no AVX2 at all
        Assert.Equal(expectedTier, tier);
        Assert.Equal(reference.Keys.Order(), figures.Keys.Order());
        foreach (var (name, (value, se)) in figures)
        {
            var expected = reference[name];
            Assert.True(Math.Abs(value - expected.Value) <= 1e-9 * Math.Abs(expected.Value),
                $"{name} on {tier}: {value:R} vs {expected.Value:R}");
            Assert.Equal(expected.StandardError, se, 1e-9 * expected.StandardError);
        }
    }

    private static (string Tier, Dictionary<string, (double Value, double Se)> Figures) RunProbe(string switchName, string switchValue)
    {
        string probe = Path.Combine(AppContext.BaseDirectory, "CarbonDerivatives.SimdProbe.dll");
        var start = new ProcessStartInfo("dotnet", $"exec \"{probe}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment[switchName] = switchValue;
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"probe failed: {errors}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string tier = lines[0].Split(' ')[1];
        var figures = lines[1..].Select(l => l.Split(' ')).ToDictionary(p => p[0],
            p => (double.Parse(p[1], CultureInfo.InvariantCulture), double.Parse(p[2], CultureInfo.InvariantCulture)));
        return (tier, figures);
    }
}

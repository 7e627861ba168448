using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// The 256-bit and scalar tiers give the same prices as the widest tier. The tier is fixed per
/// process, so each runs in a child process with the wider vectors disabled
/// (DOTNET_PreferredVectorBitWidth=256, DOTNET_EnableHWIntrinsic=0).
/// The uniforms are bit-identical by construction and normals, exponentials and logarithms go through the
/// engine's own <c>ElementaryFunctions</c> (exactly rounded operations only), so every tier gives the same bits.
/// </summary>
public class SimdTierEquivalenceTests
{
    [Fact]
    public void Probe_PreferredWidth256_BitIdenticalToInProcess()
    {
        string expectedTier = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "Vector256" : "Scalar";
        AssertSamePrices("DOTNET_PreferredVectorBitWidth", "256", expectedTier);
    }

    [Fact]
    public void Probe_HardwareIntrinsicsOff_ScalarTierBitIdenticalToInProcess() =>
        AssertSamePrices("DOTNET_EnableHWIntrinsic", "0", "Scalar");

    private static void AssertSamePrices(string switchName, string switchValue, string expectedTier)
    {
        var reference = SimdProbe.ProbeCases.Run().ToDictionary(c => c.Name, c => c.Estimate);
        var (tier, figures) = RunProbe(switchName, switchValue);
        Assert.Equal(expectedTier, tier);
        Assert.Equal(reference.Keys.Order(), figures.Keys.Order());
        foreach (var (name, (value, se)) in figures)
        {
            var expected = reference[name];
            Assert.True(BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(expected.Value), $"{name} on {tier}: {value:R} vs {expected.Value:R}");
            Assert.True(BitConverter.DoubleToInt64Bits(se) == BitConverter.DoubleToInt64Bits(expected.StandardError), $"{name} SE on {tier}: {se:R} vs {expected.StandardError:R}");
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

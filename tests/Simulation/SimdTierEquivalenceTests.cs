using System.Diagnostics;
using System.Globalization;
using Xunit;

namespace CarbonDerivatives.Tests.Simulation;

/// <summary>
/// The 256-bit and scalar tiers give the same prices as the widest tier. The tier is fixed per
/// process, so each runs in a child process with the wider vectors disabled
/// (DOTNET_PreferredVectorBitWidth=256, DOTNET_EnableHWIntrinsic=0). The 256-bit tier reproduces the
/// in-process (512-bit on AVX-512 machines) prices and standard errors bit for bit: both run the same
/// vector Log/SinCos/Exp, lane for lane. The scalar tier's Math.Log/Exp may differ in the last ulp, so
/// there prices must agree to 1e-9 relative, far inside their standard errors. On a CPU without AVX2 the
/// first child is scalar too and is held to the scalar tolerance; nothing is skipped.
/// </summary>
public class SimdTierEquivalenceTests
{
    [Fact]
    public void Probe_PreferredWidth256_BitIdenticalToInProcess()
    {
        string expectedTier = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "Vector256" : "Scalar";
        AssertSamePrices("DOTNET_PreferredVectorBitWidth", "256", expectedTier, bitForBit: expectedTier == "Vector256");
    }

    [Fact]
    public void Probe_HardwareIntrinsicsOff_ScalarTierWithinOneBillionth() =>
        AssertSamePrices("DOTNET_EnableHWIntrinsic", "0", "Scalar", bitForBit: false);

    private static void AssertSamePrices(string switchName, string switchValue, string expectedTier, bool bitForBit)
    {
        var reference = SimdProbe.ProbeCases.Run().ToDictionary(c => c.Name, c => c.Estimate);
        var (tier, figures) = RunProbe(switchName, switchValue);
        Assert.Equal(expectedTier, tier);
        Assert.Equal(reference.Keys.Order(), figures.Keys.Order());
        foreach (var (name, (value, se)) in figures)
        {
            var expected = reference[name];
            if (bitForBit)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(expected.Value), $"{name} on {tier}: {value:R} vs {expected.Value:R}");
                Assert.True(BitConverter.DoubleToInt64Bits(se) == BitConverter.DoubleToInt64Bits(expected.StandardError), $"{name} SE on {tier}: {se:R} vs {expected.StandardError:R}");
                continue;
            }
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

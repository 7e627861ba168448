using System.Globalization;
using CarbonDerivatives.Protos.V1;

namespace CarbonDerivatives.Cli.Requests;

/// <summary>Parses <c>--merton λ,μ,σ</c> (e.g. the EUA fit "6.1,-0.029,0.083") into a <see cref="MertonModel"/>.</summary>
internal static class MertonParameters
{
    public static MertonModel Parse(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        bool ok = parts.Length == 3;
        for (int i = 0; ok && i < parts.Length; i++)
            ok = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]);
        if (!ok)
            throw new UsageException($"--merton: expected three numbers 'intensity,jump-mean,jump-vol' (e.g. 6.1,-0.029,0.083), got '{text}'");
        return new MertonModel { JumpIntensity = values[0], JumpMean = values[1], JumpVolatility = values[2] };
    }
}

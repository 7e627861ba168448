using CarbonDerivatives.Engine.Validation;

namespace CarbonDerivatives.Engine.Market;

/// <summary>Validation and interpolation shared by the volatility surfaces.</summary>
internal static class VolInputs
{
    /// <summary>Checks a query point: expiry &gt;= 0, strike &gt; 0, both finite.</summary>
    internal static void Check(double expiry, double strike)
    {
        Guard.NonNegative(expiry, "expiry");
        Guard.Positive(strike, "strike");
    }

    /// <summary>Checks a pillar axis: non-empty, finite, strictly increasing, each value above <paramref name="floor"/>.</summary>
    internal static void CheckAxis(IReadOnlyList<double> axis, string field, double floor)
    {
        if (axis.Count == 0) Guard.Fail(field, "must not be empty");
        for (int i = 0; i < axis.Count; i++)
        {
            Guard.Finite(axis[i], $"{field}[{i}]");
            if (axis[i] <= floor) Guard.Fail($"{field}[{i}]", $"must be greater than {floor}, got {axis[i]}");
            if (i > 0 && axis[i] <= axis[i - 1])
                Guard.Fail($"{field}[{i}]", $"must be strictly increasing, got {axis[i]} after {axis[i - 1]}");
        }
    }

    /// <summary>
    /// Volatility at <paramref name="expiry"/> from pillar vols, linear in total variance σ²t between
    /// pillars and flat in volatility outside them.
    /// </summary>
    internal static double InTotalVariance(ReadOnlySpan<double> expiries, ReadOnlySpan<double> vols, double expiry)
    {
        if (expiries.Length == 1 || expiry <= expiries[0]) return vols[0];
        if (expiry >= expiries[^1]) return vols[^1];
        int i = Interpolation.Segment(expiries, expiry);
        double w0 = vols[i] * vols[i] * expiries[i];
        double w1 = vols[i + 1] * vols[i + 1] * expiries[i + 1];
        double weight = (expiry - expiries[i]) / (expiries[i + 1] - expiries[i]);
        return Math.Sqrt((w0 + weight * (w1 - w0)) / expiry);
    }
}
